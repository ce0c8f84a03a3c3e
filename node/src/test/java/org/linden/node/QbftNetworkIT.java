package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.crypto.PrivateKey;
import org.linden.node.dev.DevGenesis;
import org.linden.types.Address;
import org.linden.types.UInt256;

/**
 * A 4-validator QBFT network from {@code linden network init}, as real processes on
 * 127.0.0.1 started at the same instant: it commits blocks with transfers, every validator
 * holding them; it goes on with one validator stopped, and halts without forking with two
 * stopped; with those two restarted it resumes and they catch up. A follower without a
 * validator key syncs and verifies the chain, and a fifth validator voted in by a majority
 * commits and proposes blocks. At the end every node holds the same chain.
 */
class QbftNetworkIT {
  private static final long CHAIN_ID = 1337;
  /** Much longer than the 1 s block period: a quorum that can seal does so well within it. */
  private static final long PROGRESS_SECONDS = 60;
  /**
   * After a halt the quorum is back once the nodes that kept running reach their next round
   * change; with the 4 s request timeout doubling per round that is well within this.
   */
  private static final long RESUME_SECONDS = 120;
  /** With half the validators gone, no block may appear in this long (several block periods and round timeouts). */
  private static final long HALT_SECONDS = 10;
  private static final List<String> VALIDATORS = List.of("node0", "node1", "node2", "node3");

  @Test
  void validatorsCommitHaltWithoutForkResumeAndAdmitAFollowerAndAVotedInValidator(@TempDir Path tmp)
      throws Exception {
    try (QbftNetwork net = QbftNetwork.init(tmp.resolve("net"), 4, "--block-period", "1", "--request-timeout", "4")) {
      // All four at the same instant: the native library must load in each of them.
      startTogether(net, VALIDATORS);
      awaitHead(net, VALIDATORS, 3);

      transfers(net, "node0", 5);

      net.stop("node3");
      awaitProgress(net, List.of("node0", "node1", "node2"), 3);

      net.stop("node2");
      long halted = awaitHalt(net, List.of("node0", "node1"));
      assertSameChain(net, List.of("node0", "node1"), halted);

      // The two stopped validators come back on their data directories: the chain goes on past
      // the halt, and both of them (node3 stopped blocks earlier) catch up.
      startTogether(net, List.of("node2", "node3"));
      awaitHead(net, VALIDATORS, halted + 3, RESUME_SECONDS);
      assertSameChain(net, VALIDATORS, minHead(net, VALIDATORS));

      // A follower (no validator key) and a validator-to-be, each with a fresh key.
      net.addNode("follower", false);
      net.addNode("node4", true);
      startTogether(net, List.of("follower", "node4"));
      long head = net.head("node0");
      awaitHead(net, List.of("follower", "node4"), head);
      assertSameChain(net, List.of("node0", "follower", "node4"), head);

      // Three of the four validators vote node4 in.
      String node4 = net.address("node4").toHex();
      for (String voter : List.of("node0", "node1", "node2")) {
        assertThat(net.rpc(voter).result("qbft_proposeValidatorVote", node4, true).asBoolean()).isTrue();
      }
      poll(() -> contains(net.rpc("node0").result("qbft_getValidatorsByBlockNumber", "latest"), node4) ? true : null,
          "node4 among the validators", net, "node0");
      // "latest" names the validators that sealed the head: node4 is one from that block on, on every node.
      long joined = net.head("node0");
      awaitHead(net, net.running(), joined);
      for (String n : net.running()) {
        assertThat(contains(net.rpc(n).result("qbft_getValidatorsByBlockNumber", hex(joined)), node4))
            .as("node4 a validator of block %d on %s", joined, n).isTrue();
      }
      // It seals: its commit seal is in later blocks, and in its turn it proposes one.
      long[] checked = {joined - 1};
      poll(() -> sealsFrom(net, node4, checked, "committers") ? true : null, "a block committed by node4", net, "node4");
      checked[0] = joined - 1;
      poll(() -> sealsFrom(net, node4, checked, "proposer") ? true : null, "a block proposed by node4", net, "node4");

      List<String> all = net.running();
      assertThat(all).containsExactlyInAnyOrder("node0", "node1", "node2", "node3", "node4", "follower");
      awaitHead(net, all, net.head("node0"));
      assertSameChain(net, all, minHead(net, all));
    }
  }

  /**
   * Whether one of the blocks after {@code checked[0]} on node0 names {@code address} in its
   * seals' {@code field} (proposer or committers); {@code checked[0]} advances past the blocks read.
   */
  private static boolean sealsFrom(QbftNetwork net, String address, long[] checked, String field) throws Exception {
    long head = net.head("node0");
    for (long n = checked[0] + 1; n <= head; n++) {
      JsonNode seals = net.rpc("node0").result("qbft_getSealsByBlockNumber", hex(n));
      checked[0] = n;
      JsonNode value = seals.get(field);
      if (value.isArray() ? contains(value, address) : value.asText().equalsIgnoreCase(address)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(JsonNode addresses, String address) {
    for (JsonNode a : addresses) {
      if (a.asText().equalsIgnoreCase(address)) {
        return true;
      }
    }
    return false;
  }

  private static long minHead(QbftNetwork net, List<String> names) throws Exception {
    long min = Long.MAX_VALUE;
    for (String n : names) {
      min = Math.min(min, net.head(n));
    }
    return min;
  }

  private static String hex(long n) {
    return "0x" + Long.toHexString(n);
  }

  private static void startTogether(QbftNetwork net, List<String> names) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(names.size());
    try {
      List<Future<?>> started = new ArrayList<>();
      for (String name : names) {
        started.add(pool.submit(() -> {
          net.start(name);
          return null;
        }));
      }
      for (Future<?> f : started) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Signed transfers from a funded dev account, sent to {@code via}; each gets a successful receipt. */
  private static void transfers(QbftNetwork net, String via, int count) throws Exception {
    PrivateKey from = DevGenesis.accounts().get(0);
    RpcClient rpc = net.rpc(via);
    long nonce = Long.decode(rpc.result("eth_getTransactionCount", from.address().toHex(), "latest").asText());
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      var tx = DevTransfers.transfer(CHAIN_ID, from, nonce + i, Address.fromNumber(0xbeef + i), UInt256.valueOf(1000));
      hashes.add(rpc.result("eth_sendRawTransaction", tx.encoded().toHex()).asText());
    }
    for (String hash : hashes) {
      JsonNode receipt = poll(() -> {
        JsonNode r = rpc.result("eth_getTransactionReceipt", hash);
        return r == null || r.isNull() ? null : r;
      }, "a receipt for " + hash, net, via);
      assertThat(receipt.get("status").asText()).isEqualTo("0x1");
      // Every other node has the same block with it.
      long number = Long.decode(receipt.get("blockNumber").asText());
      awaitHead(net, VALIDATORS, number);
      for (String other : VALIDATORS) {
        assertThat(net.block(other, number).get("hash").asText()).isEqualTo(receipt.get("blockHash").asText());
      }
    }
  }

  private static void awaitProgress(QbftNetwork net, List<String> names, long blocks) throws Exception {
    awaitHead(net, names, net.head(names.get(0)) + blocks);
  }

  private static void awaitHead(QbftNetwork net, List<String> names, long target) throws Exception {
    awaitHead(net, names, target, PROGRESS_SECONDS);
  }

  private static void awaitHead(QbftNetwork net, List<String> names, long target, long seconds) throws Exception {
    for (String name : names) {
      poll(() -> net.head(name) >= target ? true : null, name + " at block " + target, net, name, seconds);
    }
  }

  /** Waits until no node's head moves for {@link #HALT_SECONDS}, and returns that head. */
  private static long awaitHalt(QbftNetwork net, List<String> names) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    long head = net.head(names.get(0));
    long since = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(500);
      long now = net.head(names.get(0));
      for (String n : names) {
        now = Math.max(now, net.head(n));
      }
      if (now != head) {
        head = now;
        since = System.nanoTime();
      } else if (System.nanoTime() - since > HALT_SECONDS * 1_000_000_000L) {
        for (String n : names) {
          assertThat(net.head(n)).as("%s's head after the halt", n).isEqualTo(head);
        }
        return head;
      }
    }
    throw new AssertionError("the chain did not halt with two of four validators stopped; head " + head);
  }

  private static void assertSameChain(QbftNetwork net, List<String> names, long upTo) throws Exception {
    for (long n = 0; n <= upTo; n++) {
      String expected = net.block(names.get(0), n).get("hash").asText();
      for (String other : names) {
        assertThat(net.block(other, n).get("hash").asText()).as("block %d on %s", n, other).isEqualTo(expected);
      }
    }
  }

  @FunctionalInterface
  private interface Probe<T> {
    T get() throws Exception;
  }

  private static <T> T poll(Probe<T> probe, String what, QbftNetwork net, String node) throws Exception {
    return poll(probe, what, net, node, PROGRESS_SECONDS);
  }

  private static <T> T poll(Probe<T> probe, String what, QbftNetwork net, String node, long seconds)
      throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + what + " within " + seconds + " s; " + node + " printed:\n"
        + net.output(node));
  }
}
