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
 * An EIP-7702 transaction (type 4): a fee-market transaction that also sets delegated
 * code on the accounts that signed its authorizations. {@code 0x04 ‖ rlp([chain_id,
 * nonce, max_priority_fee_per_gas, max_fee_per_gas, gas, to, value, data, access_list,
 * authorization_list, y_parity, r, s])}.
 *
 * @param to never null: a set-code transaction cannot create a contract
 */
public record SetCodeTransaction(
    long chainId,
    long nonce,
    UInt256 maxPriorityFeePerGas,
    UInt256 maxFeePerGas,
    long gas,
    Address to,
    UInt256 value,
    Bytes data,
    List<Access> accessList,
    List<Authorization> authorizations,
    int yParity,
    UInt256 r,
    UInt256 s) implements TypedTransaction {
  public SetCodeTransaction {
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "a set-code transaction has a recipient; it cannot create a contract");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
    authorizations = List.copyOf(authorizations);
    TypedFields.checkSignatureShape(yParity, r, s);
  }

  @Override
  public TransactionType type() {
    return TransactionType.SET_CODE;
  }

  @Override
  public Hash signingHash() {
    return TypedFields.signingHash(type(), w -> writeFields(w, false));
  }

  @Override
  public SetCodeTransaction withSignature(Signature sig) {
    return new SetCodeTransaction(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data,
        accessList, authorizations, sig.recoveryId(), sig.r(), sig.s());
  }

  static SetCodeTransaction read(FieldReader f) throws InvalidTransactionException {
    long chainId = f.u64("chain_id");
    long nonce = f.u64("nonce");
    UInt256 maxPriorityFee = f.u256("max_priority_fee_per_gas");
    UInt256 maxFee = f.u256("max_fee_per_gas");
    long gas = f.u64("gas");
    Address to = TypedFields.requireRecipient(f.addressOrEmpty("to"), "set-code");
    UInt256 value = f.u256("value");
    Bytes data = f.bytes("data");
    List<Access> accessList = Access.readList(f);
    List<Authorization> authorizations = Authorization.readList(f);
    int yParity = f.yParity();
    UInt256 r = f.u256("r");
    UInt256 s = f.u256("s");
    f.end();
    return new SetCodeTransaction(chainId, nonce, maxPriorityFee, maxFee, gas, to, value, data, accessList,
        authorizations, yParity, r, s);
  }

  void writeFields(RlpWriter w, boolean signed) {
    w.startList();
    w.writeUnsignedLong(chainId).writeUnsignedLong(nonce)
        .writeUInt256(maxPriorityFeePerGas).writeUInt256(maxFeePerGas).writeUnsignedLong(gas);
    FieldWriter.to(w, to);
    w.writeUInt256(value).writeBytes(data);
    Access.writeList(w, accessList);
    Authorization.writeList(w, authorizations);
    if (signed) {
      TypedFields.writeSignature(w, yParity, r, s);
    }
    w.endList();
  }
}
