package org.linden.rpc.eth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.linden.chain.tx.Access;
import org.linden.evm.Frame;
import org.linden.evm.Opcodes;
import org.linden.evm.Stack;
import org.linden.evm.Tracer;
import org.linden.types.Address;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Collects the accounts and storage slots a call touches, as geth's access-list tracer
 * does: slots of SLOAD/SSTORE in the executing account, and the accounts named by
 * BALANCE, EXTCODE*, SELFDESTRUCT and the CALL family, except the excluded ones (sender,
 * recipient, precompiles, authorities), which are warm anyway. Reverted frames count too:
 * their accesses were paid for. The result is sorted, so equal sets compare equal.
 */
final class AccessListTracer implements Tracer {
  private final Set<Address> excluded;
  private final Map<Address, Set<Hash>> list = new TreeMap<>();

  /** Starts from {@code initial} (whose excluded accounts are dropped, but not their slots). */
  AccessListTracer(List<Access> initial, Set<Address> excluded) {
    this.excluded = excluded;
    for (Access a : initial) {
      if (!excluded.contains(a.account())) {
        list.computeIfAbsent(a.account(), k -> new TreeSet<>());
      }
      for (Hash slot : a.slots()) {
        list.computeIfAbsent(a.account(), k -> new TreeSet<>()).add(slot);
      }
    }
  }

  @Override
  public void beforeStep(Frame frame, int opcode, long refund) {
    Stack s = frame.stack();
    switch (opcode) {
      case Opcodes.SLOAD, Opcodes.SSTORE -> {
        if (s.size() >= 1) {
          addSlot(frame.address(), s.peek(0));
        }
      }
      case Opcodes.EXTCODECOPY, Opcodes.EXTCODEHASH, Opcodes.EXTCODESIZE, Opcodes.BALANCE, Opcodes.SELFDESTRUCT -> {
        if (s.size() >= 1) {
          addAddress(s.address(0));
        }
      }
      case Opcodes.DELEGATECALL, Opcodes.CALL, Opcodes.STATICCALL, Opcodes.CALLCODE -> {
        if (s.size() >= 5) {
          addAddress(s.address(1));
        }
      }
      default -> { }
    }
  }

  private void addAddress(Address a) {
    if (!excluded.contains(a)) {
      list.computeIfAbsent(a, k -> new TreeSet<>());
    }
  }

  private void addSlot(Address a, UInt256 slot) {
    list.computeIfAbsent(a, k -> new TreeSet<>()).add(Hash.wrap(slot.toBytes32()));
  }

  /** The collected list, accounts and slots in ascending order. */
  List<Access> accessList() {
    List<Access> out = new ArrayList<>(list.size());
    list.forEach((a, slots) -> out.add(new Access(a, new ArrayList<>(slots))));
    return out;
  }

  /** Whether both tracers collected the same accounts and slots. */
  boolean sameAs(AccessListTracer other) {
    return list.equals(other.list);
  }
}
