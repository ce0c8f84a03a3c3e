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
 * An EIP-2930 transaction (type 1): a legacy-priced transaction with a chain id and an
 * access list. {@code 0x01 ‖ rlp([chain_id, nonce, gas_price, gas, to, value, data,
 * access_list, y_parity, r, s])}.
 *
 * @param to the recipient, or null for contract creation
 */
public record AccessListTransaction(
    long chainId,
    long nonce,
    UInt256 gasPrice,
    long gas,
    Address to,
    UInt256 value,
    Bytes data,
    List<Access> accessList,
    int yParity,
    UInt256 r,
    UInt256 s) implements TypedTransaction {
  public AccessListTransaction {
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
    TypedFields.checkSignatureShape(yParity, r, s);
  }

  @Override
  public TransactionType type() {
    return TransactionType.ACCESS_LIST;
  }

  @Override
  public UInt256 maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public UInt256 maxPriorityFeePerGas() {
    return gasPrice;
  }

  @Override
  public Hash signingHash() {
    return TypedFields.signingHash(type(), w -> writeFields(w, false));
  }

  @Override
  public AccessListTransaction withSignature(Signature sig) {
    return new AccessListTransaction(
        chainId, nonce, gasPrice, gas, to, value, data, accessList, sig.recoveryId(), sig.r(), sig.s());
  }

  static AccessListTransaction read(FieldReader f) throws InvalidTransactionException {
    long chainId = f.u64("chain_id");
    long nonce = f.u64("nonce");
    UInt256 gasPrice = f.u256("gas_price");
    long gas = f.u64("gas");
    Address to = f.addressOrEmpty("to");
    UInt256 value = f.u256("value");
    Bytes data = f.bytes("data");
    List<Access> accessList = Access.readList(f);
    int yParity = f.yParity();
    UInt256 r = f.u256("r");
    UInt256 s = f.u256("s");
    f.end();
    return new AccessListTransaction(chainId, nonce, gasPrice, gas, to, value, data, accessList, yParity, r, s);
  }

  void writeFields(RlpWriter w, boolean signed) {
    w.startList();
    w.writeUnsignedLong(chainId).writeUnsignedLong(nonce).writeUInt256(gasPrice).writeUnsignedLong(gas);
    FieldWriter.to(w, to);
    w.writeUInt256(value).writeBytes(data);
    Access.writeList(w, accessList);
    if (signed) {
      TypedFields.writeSignature(w, yParity, r, s);
    }
    w.endList();
  }
}
