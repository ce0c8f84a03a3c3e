package org.linden.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.chain.tx.TransactionValidator;
import org.linden.chain.tx.ValidTransaction;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;

/**
 * ethereum/tests TransactionTests: {@code {name: {txbytes, result: {fork: {hash, sender,
 * intrinsicGas} | {exception, intrinsicGas}}}}}. Each (case, fork) pair is one result:
 * the bytes must decode and validate under that fork with exactly the expected hash,
 * sender and intrinsic gas, or, when an exception is expected, be rejected. The exception
 * names are the filler's and are not matched; a failure reports what we said instead.
 */
public final class TransactionTestRunner implements FixtureRunner {
  /** The fixtures are filled for mainnet's chain id. */
  static final long CHAIN_ID = 1;

  @Override
  public String suite() {
    return "TransactionTests";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return FixtureShape.everyCaseHas(root, "txbytes", "result");
  }

  @Override
  public List<CaseResult> run(Path file, JsonNode root, ForkFilter forks) {
    List<CaseResult> results = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> cases = root.fields(); cases.hasNext(); ) {
      Map.Entry<String, JsonNode> c = cases.next();
      String name = c.getKey();
      String txbytes = c.getValue().get("txbytes").asText();
      for (Iterator<Map.Entry<String, JsonNode>> it = c.getValue().get("result").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> r = it.next();
        String forkName = r.getKey();
        if (!forks.includes(forkName)) {
          continue;
        }
        Optional<Fork> fork = Fork.fromName(forkName);
        if (fork.isEmpty()) {
          results.add(CaseResult.skip(name, suite(), forkName, "fork " + forkName + " is not implemented"));
          continue;
        }
        results.add(CaseResult.of(name, suite(), forkName, () -> check(txbytes, fork.get(), r.getValue())));
      }
    }
    return results;
  }

  private static String check(String txbytes, Fork fork, JsonNode expected) {
    Bytes raw = Bytes.fromHex(txbytes);
    boolean mustFail = expected.has("exception");
    ValidTransaction valid;
    try {
      Transaction tx = TransactionCodec.decode(raw);
      valid = new TransactionValidator(fork, CHAIN_ID).validate(tx);
    } catch (InvalidTransactionException e) {
      return mustFail ? null : "rejected (" + e + "), expected hash " + expected.path("hash").asText();
    }
    if (mustFail) {
      return "accepted (hash " + valid.hash() + ", sender " + valid.sender() + "), expected "
          + expected.get("exception").asText();
    }
    List<String> problems = new ArrayList<>();
    Hash hash = Hash.fromHex(expected.get("hash").asText());
    if (!valid.hash().equals(hash)) {
      problems.add("hash " + valid.hash() + ", expected " + hash);
    }
    Address sender = Address.fromHex(expected.get("sender").asText());
    if (!valid.sender().equals(sender)) {
      problems.add("sender " + valid.sender() + ", expected " + sender);
    }
    long intrinsic = quantity(expected.get("intrinsicGas").asText());
    if (valid.intrinsicGas().intrinsicGas() != intrinsic) {
      problems.add("intrinsic gas " + valid.intrinsicGas().intrinsicGas() + ", expected " + intrinsic);
    }
    Bytes again = valid.transaction().encoded();
    if (!again.equals(raw)) {
      problems.add("re-encoded as " + again);
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static long quantity(String hex) {
    return new BigInteger(hex.startsWith("0x") ? hex.substring(2) : hex, 16).longValueExact();
  }
}
