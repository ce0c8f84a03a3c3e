package org.linden.chain.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.TransactionValidator;
import org.linden.chain.tx.ValidTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.WorldState;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * What a development chain's block carries besides its body, and no other chain accepts:
 * state edits applied before the block executes ({@code anvil_setBalance} and friends) and
 * the senders of impersonated transactions, whose signatures recover to no one. The chain
 * stores them with the block so that re-executing it (a reorg replay) reproduces it. Never
 * part of a block's hash or of anything a peer sees.
 *
 * @param stateEdits each account's nonce, balance and (when {@code code} is non-null) code
 *     are set to these, and each listed slot to its value; {@code info} is never null
 * @param senders the sender of each impersonated transaction, by transaction hash
 */
public record IrregularChanges(List<AccountChange> stateEdits, Map<Hash, Address> senders) {
  public static final IrregularChanges NONE = new IrregularChanges(List.of(), Map.of());

  public IrregularChanges {
    stateEdits = List.copyOf(stateEdits);
    senders = Map.copyOf(senders);
    for (AccountChange c : stateEdits) {
      if (c.info() == null) {
        throw new IllegalArgumentException("a state edit cannot delete account " + c.address());
      }
    }
  }

  public boolean isEmpty() {
    return stateEdits.isEmpty() && senders.isEmpty();
  }

  /** Applies the state edits to {@code state}, as one transaction that touches nothing else. */
  public void applyEdits(WorldState state) {
    if (stateEdits.isEmpty()) {
      return;
    }
    state.beginTransaction();
    for (AccountChange c : stateEdits) {
      Address a = c.address();
      state.setNonce(a, c.info().nonce());
      state.setBalance(a, c.info().balance());
      if (c.code() != null) {
        state.setCode(a, c.code());
      }
      c.storage().forEach((slot, value) -> state.setStorage(a, slot, value));
    }
    // Empty accounts an edit creates stay, as anvil keeps them.
    state.finishTransaction(false);
  }

  /**
   * Checks {@code tx} as {@code validator} does, except that an impersonated transaction's
   * sender is the recorded one rather than what its signature recovers.
   */
  public ValidTransaction validate(TransactionValidator validator, Transaction tx)
      throws InvalidTransactionException {
    if (!senders.isEmpty()) {
      Hash hash = tx.hash();
      Address sender = senders.get(hash);
      if (sender != null) {
        return new ValidTransaction(tx, hash, sender, validator.checkWithoutSignature(tx));
      }
    }
    return validator.validate(tx);
  }

  /** rlp([[address, nonce, balance, hasCode, code, [[slot, value], ...]], ...], [[txHash, sender], ...]). */
  public Bytes encode() {
    RlpWriter w = new RlpWriter().startList().startList();
    for (AccountChange c : stateEdits) {
      w.startList()
          .writeBytes(c.address().bytes())
          .writeUnsignedLong(c.info().nonce())
          .writeUInt256(c.info().balance())
          .writeLong(c.code() == null ? 0 : 1)
          .writeBytes(c.code() == null ? Bytes.EMPTY : c.code())
          .startList();
      for (Map.Entry<UInt256, UInt256> e : new TreeMap<>(c.storage()).entrySet()) {
        w.startList().writeUInt256(e.getKey()).writeUInt256(e.getValue()).endList();
      }
      w.endList().endList();
    }
    w.endList().startList();
    for (Map.Entry<Hash, Address> e : senders.entrySet()) {
      w.startList().writeBytes(e.getKey().bytes()).writeBytes(e.getValue().bytes()).endList();
    }
    return w.endList().endList().toBytes();
  }

  public static IrregularChanges decode(Bytes encoded) {
    RlpReader all = RlpReader.of(encoded).readList();
    RlpReader edits = all.readList();
    List<AccountChange> changes = new ArrayList<>();
    while (!edits.isDone()) {
      RlpReader e = edits.readList();
      Address address = Address.wrap(e.readBytes(20));
      long nonce = e.readUnsignedLong();
      UInt256 balance = e.readUInt256();
      boolean hasCode = e.readLong() != 0;
      Bytes code = e.readBytes();
      Map<UInt256, UInt256> storage = new LinkedHashMap<>();
      RlpReader slots = e.readList();
      while (!slots.isDone()) {
        RlpReader s = slots.readList();
        storage.put(s.readUInt256(), s.readUInt256());
      }
      Hash codeHash = hasCode
          ? (code.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : org.linden.crypto.Keccak.hash256(code))
          : AccountInfo.EMPTY_CODE_HASH;
      changes.add(new AccountChange(address, new AccountInfo(nonce, balance, codeHash), hasCode ? code : null, false,
          storage));
    }
    RlpReader list = all.readList();
    Map<Hash, Address> senders = new LinkedHashMap<>();
    while (!list.isDone()) {
      RlpReader s = list.readList();
      senders.put(Hash.wrap(s.readBytes(32)), Address.wrap(s.readBytes(20)));
    }
    return new IrregularChanges(changes, senders);
  }
}
