package org.linden.chain.tx;

import java.util.List;
import java.util.Objects;
import org.linden.crypto.Signature;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * An EIP-1559 transaction (type 2), priced by a fee cap and a priority fee over the
 * block's base fee. {@code 0x02 ‖ rlp([chain_id, nonce, max_priority_fee_per_gas,
 * max_fee_per_gas, gas, to, value, data, access_list, y_parity, r, s])}.
 *
 * @param to the recipient, or null for contract creation
 */
public record FeeMarketTransaction(
    long chainId,
    long nonce,
    UInt256 maxPriorityFeePerGas,
    UInt256 maxFeePerGas,
    long gas,
    Address to,
    UInt256 value,
    Bytes data,
    List<Access> accessList,
    int yParity,
    UInt256 r,
    UInt256 s) implements TypedTransaction {
  public FeeMarketTransaction {
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
    TypedFields.checkSignatureShape(yParity, r, s);
  }

  @Override
  public TransactionType type() {
    return TransactionType.FEE_MARKET;
  }

  @Override
  public Hash signingHash() {
    return TypedFields.signingHash(type(), w -> writeFields(w, false));
  }

  @Override
  public FeeMarketTransaction withSignature(Signature sig) {
    return new FeeMarketTransaction(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data,
        accessList, sig.recoveryId(), sig.r(), sig.s());
  }

  static FeeMarketTransaction read(FieldReader f) throws InvalidTransactionException {
    long chainId = f.u64("chain_id");
    long nonce = f.u64("nonce");
    UInt256 maxPriorityFee = f.u256("max_priority_fee_per_gas");
    UInt256 maxFee = f.u256("max_fee_per_gas");
    long gas = f.u64("gas");
    Address to = f.addressOrEmpty("to");
    UInt256 value = f.u256("value");
    Bytes data = f.bytes("data");
    List<Access> accessList = Access.readList(f);
    int yParity = f.yParity();
    UInt256 r = f.u256("r");
    UInt256 s = f.u256("s");
    f.end();
    return new FeeMarketTransaction(
        chainId, nonce, maxPriorityFee, maxFee, gas, to, value, data, accessList, yParity, r, s);
  }

  void writeFields(RlpWriter w, boolean signed) {
    w.startList();
    w.writeUnsignedLong(chainId).writeUnsignedLong(nonce)
        .writeUInt256(maxPriorityFeePerGas).writeUInt256(maxFeePerGas).writeUnsignedLong(gas);
    FieldWriter.to(w, to);
    w.writeUInt256(value).writeBytes(data);
    Access.writeList(w, accessList);
    if (signed) {
      TypedFields.writeSignature(w, yParity, r, s);
    }
    w.endList();
  }
}
