package org.linden.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linden.chain.execution.BlobSchedule;
import org.linden.chain.execution.TransactionProcessor;
import org.linden.chain.execution.TransactionRejectedException;
import org.linden.chain.execution.TransactionResult;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.chain.tx.TransactionValidator;
import org.linden.chain.tx.ValidTransaction;
import org.linden.crypto.Keccak;
import org.linden.evm.BlockContext;
import org.linden.evm.Log;
import org.linden.evm.Eip3155Tracer;
import org.linden.evm.state.JournaledWorldState;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.Hex;
import org.linden.types.UInt256;

/**
 * GeneralStateTests and execution-spec-tests state tests: every {@code post[fork][i]}
 * entry is one case. The transaction ({@code txbytes}) is applied to {@code pre} under
 * {@code env}; the case passes when the state root and the logs hash match, or when an
 * expected exception is raised and nothing changed.
 */
public final class StateTestRunner implements FixtureRunner {
  private final Eip3155Tracer tracer;

  public StateTestRunner() {
    this(null);
  }

  /** A runner that traces every transaction it executes. */
  public StateTestRunner(Eip3155Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public String suite() {
    return "GeneralStateTests";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return FixtureShape.everyCaseHas(root, "env", "pre", "transaction", "post");
  }

  /** One executed case with the details a caller such as {@code evm statetest} reports. */
  public record Outcome(CaseResult result, Hash stateRoot, Hash logsHash) {}

  @Override
  public List<CaseResult> run(Path file, JsonNode root, ForkFilter forks) {
    List<CaseResult> results = new ArrayList<>();
    for (Outcome o : runDetailed(root, forks)) {
      results.add(o.result());
    }
    return results;
  }

  public List<Outcome> runDetailed(JsonNode root, ForkFilter forks) {
    List<Outcome> results = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> test = it.next();
      JsonNode t = test.getValue();
      for (Iterator<Map.Entry<String, JsonNode>> pf = t.get("post").fields(); pf.hasNext(); ) {
        Map.Entry<String, JsonNode> post = pf.next();
        String forkName = post.getKey();
        if (!forks.includes(forkName)) {
          continue;
        }
        Optional<Fork> fork = Fork.fromName(forkName);
        JsonNode entries = post.getValue();
        for (int i = 0; i < entries.size(); i++) {
          String name = test.getKey() + (entries.size() > 1 ? "[" + i + "]" : "");
          if (fork.isEmpty()) {
            results.add(new Outcome(CaseResult.skip(name, suite(), forkName, "fork not implemented"), null, null));
            continue;
          }
          results.add(runCase(name, forkName, fork.get(), t, entries.get(i)));
        }
      }
    }
    return results;
  }

  private Outcome runCase(String name, String forkName, Fork fork, JsonNode t, JsonNode post) {
    Hash[] roots = new Hash[2];
    CaseResult r = CaseResult.of(name, suite(), forkName, () -> {
      InMemoryStateDatabase db = preState(t.get("pre"));
      JsonNode env = t.get("env");
      JsonNode config = t.get("config");
      long chainId = config != null && config.has("chainid") ? hexLong(config.get("chainid").asText()) : 1;
      BlobSchedule blobs = blobSchedule(config, forkName, fork);
      long excessBlobGas = env.has("currentExcessBlobGas") ? hexLong(env.get("currentExcessBlobGas").asText()) : 0;
      BlockContext block = blockContext(env, fork, chainId, blobs, excessBlobGas);
      JournaledWorldState state = new JournaledWorldState(db);
      String expected = post.has("expectException") ? post.get("expectException").asText() : null;
      String rejection = null;
      List<Log> logs = List.of();
      try {
        Transaction tx = TransactionCodec.decode(Bytes.fromHex(post.get("txbytes").asText()));
        ValidTransaction valid = new TransactionValidator(fork, chainId).validate(tx);
        TransactionProcessor processor = new TransactionProcessor(fork, chainId, block, blobs, excessBlobGas);
        TransactionResult result = processor.process(state, valid, block.gasLimit(), blobs.maxBlobGasPerBlock(), tracer);
        logs = result.logs();
        db.apply(state.changes());
        if (tracer != null) {
          tracer.transactionEnd(result.output(), result.gasUsed(), result.error());
        }
      } catch (InvalidTransactionException | TransactionRejectedException e) {
        rejection = e.toString();
      }
      Hash root = db.stateRoot();
      Hash logsHash = logsHash(logs);
      if (tracer != null) {
        tracer.stateRoot(root);
      }
      roots[0] = root;
      roots[1] = logsHash;
      if (expected != null && rejection == null) {
        return "expected exception " + expected + " but the transaction was applied";
      }
      if (expected == null && rejection != null) {
        return "unexpected rejection: " + rejection;
      }
      Hash wantRoot = Hash.fromHex(post.get("hash").asText());
      if (!root.equals(wantRoot)) {
        String diff = post.has("state") ? StateDiff.describe(db, post.get("state")) : "";
        return "state root " + root + ", expected " + wantRoot + (diff.isEmpty() ? "" : "; " + diff);
      }
      if (post.has("logs")) {
        Hash wantLogs = Hash.fromHex(post.get("logs").asText());
        if (!logsHash.equals(wantLogs)) {
          return "logs hash " + logsHash + ", expected " + wantLogs;
        }
      }
      return null;
    });
    return new Outcome(r, roots[0], roots[1]);
  }

  static InMemoryStateDatabase preState(JsonNode pre) {
    InMemoryStateDatabase db = new InMemoryStateDatabase();
    for (Iterator<Map.Entry<String, JsonNode>> it = pre.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode a = e.getValue();
      Map<UInt256, UInt256> slots = new HashMap<>();
      if (a.has("storage")) {
        a.get("storage").fields().forEachRemaining(s -> slots.put(word(s.getKey()), word(s.getValue().asText())));
      }
      db.putAccount(Address.fromHex(e.getKey()), hexLong(a.get("nonce").asText()), word(a.get("balance").asText()),
          Bytes.wrap(Hex.decodeLenient(a.get("code").asText())), slots);
    }
    return db;
  }

  private static BlockContext blockContext(JsonNode env, Fork fork, long chainId, BlobSchedule blobs,
      long excessBlobGas) {
    UInt256 randao = fork.isAtLeast(Fork.PARIS) && env.has("currentRandom")
        ? word(env.get("currentRandom").asText())
        : word(env.get("currentDifficulty").asText());
    UInt256 baseFee = env.has("currentBaseFee") ? word(env.get("currentBaseFee").asText()) : UInt256.ZERO;
    return new BlockContext(
        Address.fromHex(env.get("currentCoinbase").asText()),
        hexLong(env.get("currentNumber").asText()),
        hexLong(env.get("currentTimestamp").asText()),
        hexLong(env.get("currentGasLimit").asText()),
        baseFee,
        randao,
        UInt256.valueOf(chainId),
        fork.isAtLeast(Fork.CANCUN) ? blobs.blobBaseFee(excessBlobGas) : UInt256.ZERO,
        // State tests define the hash of block n as keccak256 of n in decimal.
        n -> Keccak.hash256(Bytes.wrap(Long.toString(n).getBytes(StandardCharsets.US_ASCII))));
  }

  private static BlobSchedule blobSchedule(JsonNode config, String forkName, Fork fork) {
    if (config != null && config.has("blobSchedule") && config.get("blobSchedule").has(forkName)) {
      JsonNode b = config.get("blobSchedule").get(forkName);
      return new BlobSchedule((int) hexLong(b.get("target").asText()), (int) hexLong(b.get("max").asText()),
          hexLong(b.get("baseFeeUpdateFraction").asText()));
    }
    return BlobSchedule.defaultFor(fork);
  }

  /** keccak256(rlp(logs)), each log rlp([address, [topics], data]). */
  public static Hash logsHash(List<Log> logs) {
    RlpWriter w = new RlpWriter().startList();
    for (Log l : logs) {
      w.startList().writeBytes(l.address().bytes()).startList();
      for (Hash topic : l.topics()) {
        w.writeBytes(topic.bytes());
      }
      w.endList().writeBytes(l.data()).endList();
    }
    return Keccak.hash256(w.endList().toBytes());
  }

  static UInt256 word(String hex) {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (h.isEmpty()) {
      return UInt256.ZERO;
    }
    return UInt256.fromBigInteger(new BigInteger(h, 16));
  }

  static long hexLong(String hex) {
    return word(hex).toBigInteger().longValue();
  }
}
