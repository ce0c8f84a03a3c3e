package org.linden.p2p.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.p2p.rlpx.FrameCodec;
import org.linden.p2p.rlpx.HandshakeReader;
import org.linden.p2p.rlpx.Initiator;
import org.linden.p2p.rlpx.MessageCodec;
import org.linden.p2p.rlpx.Recipient;
import org.linden.p2p.rlpx.RlpxException;
import org.linden.p2p.rlpx.Secrets;

/**
 * The RLPx handshake as the first decoder of a connection. The initiator sends auth when
 * the socket opens and waits for ack; the recipient waits for auth (EIP-8 or legacy) and
 * answers in the same format. Then this handler puts a {@link FrameHandler} in its place,
 * fires {@link HandshakeCompleted} and leaves; bytes that came after the handshake
 * packet are passed on to the frame handler.
 */
final class HandshakeHandler extends ByteToMessageDecoder {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Initiator initiator;
  private final Recipient recipient;
  private final HandshakeReader reader;
  private final int maxMessageSize;
  private boolean done;

  private HandshakeHandler(Initiator initiator, Recipient recipient, HandshakeReader reader, int maxMessageSize) {
    this.initiator = initiator;
    this.recipient = recipient;
    this.reader = reader;
    this.maxMessageSize = maxMessageSize;
  }

  static HandshakeHandler initiator(PrivateKey key, PublicKey remote, int maxMessageSize) {
    return new HandshakeHandler(Initiator.create(key, remote, RANDOM), null, HandshakeReader.forAck(key), maxMessageSize);
  }

  static HandshakeHandler recipient(PrivateKey key, int maxMessageSize) {
    return new HandshakeHandler(null, Recipient.create(key, RANDOM), HandshakeReader.forAuth(key), maxMessageSize);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (initiator != null) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(initiator.authPacket()));
    }
    super.channelActive(ctx);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (done) {
      // Only reached after a failure: the connection is closing, drop what still comes.
      in.skipBytes(in.readableBytes());
      return;
    }
    byte[] packet;
    try {
      ByteBuffer view = in.nioBuffer();
      int start = view.position();
      packet = reader.read(view);
      in.skipBytes(view.position() - start);
    } catch (RlpxException e) {
      done = true;
      in.skipBytes(in.readableBytes());
      throw e;
    }
    if (packet == null) {
      return;
    }
    done = true;
    Secrets secrets;
    try {
      if (initiator != null) {
        secrets = initiator.readAck(packet);
      } else {
        byte[] ack = recipient.readAuth(packet);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(ack));
        secrets = recipient.secrets();
      }
    } catch (RlpxException e) {
      in.skipBytes(in.readableBytes());
      throw e;
    }
    MessageCodec codec = new MessageCodec(new FrameCodec(secrets, MessageCodec.maxFrameSizeFor(maxMessageSize)), maxMessageSize);
    ctx.pipeline().addAfter(ctx.name(), "rlpx-frames", new FrameHandler(codec));
    ctx.fireUserEventTriggered(new HandshakeCompleted(secrets.remoteId(), codec));
    ctx.pipeline().remove(this);
  }
}
