package org.linden.chain.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.linden.crypto.Keccak;
import org.linden.crypto.Signature;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A transaction from before EIP-2718: {@code rlp([nonce, gas_price, gas, to, value, data,
 * v, r, s])}. {@code v} is 27 or 28 for an unprotected signature, or
 * {@code chain_id * 2 + 35 + y_parity} for an EIP-155 one; it is kept as the 256-bit value
 * that was decoded so the encoding and hash are exactly the sender's.
 *
 * @param to the recipient, or null for contract creation
 */
public record LegacyTransaction(
    long nonce,
    UInt256 gasPrice,
    long gas,
    Address to,
    UInt256 value,
    Bytes data,
    UInt256 v,
    UInt256 r,
    UInt256 s) implements Transaction {
  private static final UInt256 V_BASE_155 = UInt256.valueOf(35);

  public LegacyTransaction {
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(v, "v");
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
  }

  /** A transaction to be signed with {@link TransactionSigner#signLegacy}; v, r and s are zero. */
  public static LegacyTransaction unsigned(
      long nonce, UInt256 gasPrice, long gas, Address to, UInt256 value, Bytes data) {
    return new LegacyTransaction(nonce, gasPrice, gas, to, value, data, UInt256.ZERO, UInt256.ZERO, UInt256.ZERO);
  }

  @Override
  public TransactionType type() {
    return TransactionType.LEGACY;
  }

  @Override
  public List<Access> accessList() {
    return List.of();
  }

  /** The gas price: a legacy transaction pays it in full. */
  @Override
  public UInt256 maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public UInt256 maxPriorityFeePerGas() {
    return gasPrice;
  }

  /** True if v is 27 or 28: the signature commits to no chain. */
  public boolean isPre155() {
    return v.equals(UInt256.valueOf(27)) || v.equals(UInt256.valueOf(28));
  }

  /**
   * The chain id that v encodes under EIP-155 ({@code (v - 35) / 2}, unsigned 64-bit), or
   * empty when v is below 35 or encodes a chain id wider than 64 bits.
   */
  public OptionalLong chainId() {
    if (UInt256.compareUnsigned(v, V_BASE_155) < 0) {
      return OptionalLong.empty();
    }
    Bytes minimal = v.toMinimalBytes();
    if (minimal.size() <= 8) {
      long raw = 0;
      for (int i = 0; i < minimal.size(); i++) {
        raw = (raw << 8) | minimal.getUnsigned(i);
      }
      return OptionalLong.of((raw - 35) >>> 1);
    }
    // v wider than 64 bits: rare enough that BigInteger is fine here.
    BigInteger id = v.toBigInteger().subtract(BigInteger.valueOf(35)).shiftRight(1);
    return id.bitLength() <= 64 ? OptionalLong.of(id.longValue()) : OptionalLong.empty();
  }

  /**
   * The hash the sender signs: over the six fields alone without a chain id, or with
   * {@code chain_id, 0, 0} appended under EIP-155.
   */
  public Hash signingHash(OptionalLong chainId) {
    RlpWriter w = new RlpWriter(data.size() + 96);
    w.startList();
    writeUnsignedFields(w);
    if (chainId.isPresent()) {
      w.writeUnsignedLong(chainId.getAsLong()).writeLong(0).writeLong(0);
    }
    w.endList();
    return Keccak.hash256(w.toBytes());
  }

  /**
   * The same transaction carrying {@code signature}: v = 27 + y_parity without a chain
   * id, or chain_id * 2 + 35 + y_parity with one.
   */
  public LegacyTransaction withSignature(Signature signature, OptionalLong chainId) {
    UInt256 parity = UInt256.valueOf(signature.recoveryId());
    UInt256 newV;
    if (chainId.isPresent()) {
      UInt256 id = UInt256.valueOf(chainId.getAsLong());
      newV = id.add(id).add(V_BASE_155).add(parity);
    } else {
      newV = UInt256.valueOf(27).add(parity);
    }
    return new LegacyTransaction(nonce, gasPrice, gas, to, value, data, newV, signature.r(), signature.s());
  }

  static LegacyTransaction read(FieldReader f) throws InvalidTransactionException {
    long nonce = f.u64("nonce");
    UInt256 gasPrice = f.u256("gas_price");
    long gas = f.u64("gas");
    Address to = f.addressOrEmpty("to");
    UInt256 value = f.u256("value");
    Bytes data = f.bytes("data");
    UInt256 v = f.u256("v");
    UInt256 r = f.u256("r");
    UInt256 s = f.u256("s");
    f.end();
    return new LegacyTransaction(nonce, gasPrice, gas, to, value, data, v, r, s);
  }

  void write(RlpWriter w) {
    w.startList();
    writeUnsignedFields(w);
    w.writeUInt256(v).writeUInt256(r).writeUInt256(s);
    w.endList();
  }

  private void writeUnsignedFields(RlpWriter w) {
    w.writeUnsignedLong(nonce).writeUInt256(gasPrice).writeUnsignedLong(gas);
    FieldWriter.to(w, to);
    w.writeUInt256(value).writeBytes(data);
  }
}
