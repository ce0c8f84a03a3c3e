package org.linden.sync.download;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.sync.EthPeer;
import org.linden.sync.eth.BlockBodies;
import org.linden.sync.eth.BlockHeaders;
import org.linden.sync.eth.EthCodec;
import org.linden.sync.eth.EthMessage;
import org.linden.sync.eth.EthVersion;
import org.linden.sync.eth.MalformedMessageException;
import org.linden.sync.serve.EthRequestServer;
import org.linden.types.Bytes;

/**
 * A peer in the simulation: answers from a request server after a latency, and may misbehave.
 * Answers go through the wire encoding and the strict decoder, as from a real peer.
 */
final class SimPeer implements EthPeer {
  enum Behaviour { HONEST, TIMING_OUT, CORRUPTING_BODIES, CORRUPTING_HEADERS, SHORT_ANSWERS }

  private final String id;
  private final Behaviour behaviour;
  private final long latency;
  private final SimNetwork net;
  private final EthRequestServer server;
  private final Random random;
  private final BiConsumer<String, EthMessage> deliver;
  int requestsReceived;

  SimPeer(String id, Behaviour behaviour, long latency, SimNetwork net, EthRequestServer server, Random random,
      BiConsumer<String, EthMessage> deliver) {
    this.id = id;
    this.behaviour = behaviour;
    this.latency = latency;
    this.net = net;
    this.server = server;
    this.random = random;
    this.deliver = deliver;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void send(EthMessage message) {
    requestsReceived++;
    if (behaviour == Behaviour.TIMING_OUT) {
      return;
    }
    EthMessage answer = corrupt(server.answer(message, EthVersion.ETH69).orElseThrow());
    Bytes wire = answer.encode();
    long delay = latency + random.nextInt((int) Math.max(1, latency / 4));
    net.schedule(delay, () -> {
      try {
        deliver.accept(id, EthCodec.decode(EthVersion.ETH69, answer.code(), wire));
      } catch (MalformedMessageException e) {
        throw new AssertionError(e);
      }
    });
  }

  private EthMessage corrupt(EthMessage answer) {
    return switch (behaviour) {
      case CORRUPTING_BODIES -> answer instanceof BlockBodies b && !b.bodies().isEmpty()
          ? new BlockBodies(b.requestId(), dropFirstTransaction(b.bodies())) : answer;
      case CORRUPTING_HEADERS -> answer instanceof BlockHeaders h && h.headers().size() > 1
          ? new BlockHeaders(h.requestId(), alterSecond(h.headers())) : answer;
      case SHORT_ANSWERS -> answer instanceof BlockBodies b && b.bodies().size() > 1
          ? new BlockBodies(b.requestId(), b.bodies().subList(0, b.bodies().size() / 2)) : answer;
      default -> answer;
    };
  }

  private static List<BlockBody> dropFirstTransaction(List<BlockBody> bodies) {
    List<BlockBody> out = new ArrayList<>(bodies);
    for (int i = 0; i < out.size(); i++) {
      BlockBody b = out.get(i);
      if (!b.transactions().isEmpty()) {
        out.set(i, new BlockBody(b.transactions().subList(1, b.transactions().size()), b.ommers(), b.withdrawals()));
        break;
      }
    }
    return out;
  }

  private static List<BlockHeader> alterSecond(List<BlockHeader> headers) {
    List<BlockHeader> out = new ArrayList<>(headers);
    out.set(1, out.get(1).toBuilder().extraData(Bytes.fromHex("0badda7a")).build());
    return out;
  }
}
