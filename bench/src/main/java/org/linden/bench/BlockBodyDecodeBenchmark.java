package org.linden.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.chain.tx.TransactionSigner;
import org.linden.crypto.PrivateKey;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Strict decoding of a block body of 200 signed EIP-1559 transactions (ERC-20-transfer
 * sized calldata) into transaction records: RLP plus field validation, no signature work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlockBodyDecodeBenchmark {
  private Bytes body;

  @Setup
  public void setup() {
    PrivateKey key = PrivateKey.fromHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    Address token = Address.fromHex("0x00000000000000000000000000000000000000e2");
    RlpWriter w = new RlpWriter(64 * 1024).startList().startList();
    for (int i = 0; i < 200; i++) {
      byte[] data = new byte[68];
      data[0] = (byte) 0xa9;
      data[1] = 0x05;
      data[2] = (byte) 0x9c;
      data[3] = (byte) 0xbb;
      data[35] = (byte) i;
      data[67] = 1;
      FeeMarketTransaction tx = new FeeMarketTransaction(1, i, UInt256.valueOf(1_000_000_000L),
          UInt256.valueOf(30_000_000_000L), 60_000, token, UInt256.ZERO, Bytes.wrap(data), List.of(), 0,
          UInt256.ZERO, UInt256.ZERO);
      TransactionCodec.writeToBlock(w, TransactionSigner.sign(tx, key));
    }
    body = w.endList().writeEmptyList().endList().toBytes();
  }

  @Benchmark
  public List<Transaction> decodeBody() throws InvalidTransactionException {
    RlpReader r = RlpReader.of(body);
    RlpReader fields = r.readList();
    RlpReader txs = fields.readList();
    List<Transaction> out = new ArrayList<>(200);
    while (!txs.isDone()) {
      out.add(TransactionCodec.readFromBlock(txs));
    }
    fields.readList().ensureDone();
    fields.ensureDone();
    r.ensureDone();
    return out;
  }
}
