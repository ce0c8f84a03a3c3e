package org.linden.evm.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.linden.evm.ContractAddress;
import org.linden.evm.Delegation;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Frame;
import org.linden.evm.Message;
import org.linden.evm.Opcodes;
import org.linden.evm.Stack;
import org.linden.evm.state.WorldState;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Geth's {@code prestateTracer}: every account the transaction touched as it was before
 * the transaction — balance, nonce, code and the storage slots it read or wrote — or, with
 * {@code diffMode}, only what changed, as {@code pre} and {@code post}.
 *
 * <p>Accounts are read when first touched, as geth does: the sender, recipient, fee
 * recipient and EIP-7702 authorities at {@link #txStart} (which must come before the gas
 * is bought), other accounts when a step names them (BALANCE, EXTCODE*, calls and their
 * delegation targets, creations, SELFDESTRUCT's beneficiary). Storage slots are the values
 * at the start of the transaction. A step that halts before it runs (stack or gas) touches
 * nothing, since geth looks nothing up for it either.
 */
public final class PrestateTracer implements GethTracer {
  /** Geth's options. {@code diffMode} cannot be combined with {@code includeEmpty}. */
  public record Config(boolean diffMode, boolean disableCode, boolean disableStorage, boolean includeEmpty) {
    public static final Config DEFAULT = new Config(false, false, false, false);

    public Config {
      if (diffMode && includeEmpty) {
        throw ConfigReader.invalid("cannot use diffMode with includeEmpty");
      }
    }

    public static Config from(JsonNode tracerConfig) {
      ConfigReader r = new ConfigReader("prestateTracer", tracerConfig);
      return new Config(r.bool("diffMode"), r.bool("disableCode"), r.bool("disableStorage"),
          r.bool("includeEmpty"));
    }
  }

  /** A storage slot a step touches, with its value at the start of the transaction. */
  private record Slot(Address address, UInt256 key, UInt256 value) {}

  private final Config config;
  private final WorldState state;
  private final Fork fork;
  private final TreeMap<Address, PrestateAccount> pre = new TreeMap<>();
  private final TreeMap<Address, PrestateAccount> post = new TreeMap<>();
  private final Set<Address> created = new HashSet<>();
  private final Set<Address> selfDestructed = new HashSet<>();

  // What the current step touches, committed unless it halts before running.
  private final Map<Address, PrestateAccount> stagedAccounts = new TreeMap<>();
  private final List<Slot> stagedSlots = new ArrayList<>();
  private Address stagedCreation;
  private Address stagedSelfDestruct;
  private int stackBefore;
  private long gasBefore;

  private boolean started;
  private boolean finished;

  public PrestateTracer(Config config, WorldState state, Fork fork) {
    this.config = config;
    this.state = state;
    this.fork = fork;
  }

  @Override
  public void txStart(TransactionContext tx) {
    started = true;
    lookup(tx.from());
    Address to = tx.to();
    if (tx.isContractCreation()) {
      to = ContractAddress.of(tx.from(), state.getNonce(tx.from()));
      created.add(to);
    }
    lookup(to);
    lookupDelegation(to);
    lookup(tx.coinbase());
    tx.authorities().forEach(this::lookup);
  }

  @Override
  public void txEnd(long gasUsed) {
    finish();
  }

  @Override
  public void enterFrame(Message m) {
    if (m.depth() == 0 && !started) {
      // Without txStart, the best there is: the accounts as the top message finds them.
      started = true;
      lookup(m.caller());
      lookup(m.to());
      if (m.kind() == Message.Kind.CREATE) {
        created.add(m.to());
      }
    }
  }

  @Override
  public void exitFrame(Message message, ExecutionResult result) {}

  @Override
  public void beforeStep(Frame frame, int opcode, long refund) {
    stagedAccounts.clear();
    stagedSlots.clear();
    stagedCreation = null;
    stagedSelfDestruct = null;
    stackBefore = frame.stack().size();
    gasBefore = frame.gas();
    Stack s = frame.stack();
    Address self = frame.address();
    switch (opcode) {
      case Opcodes.SLOAD, Opcodes.SSTORE -> {
        if (s.size() >= 1) {
          stage(self);
          UInt256 key = s.peek(0);
          stagedSlots.add(new Slot(self, key, state.getOriginalStorage(self, key)));
        }
      }
      case Opcodes.EXTCODECOPY, Opcodes.EXTCODEHASH, Opcodes.EXTCODESIZE, Opcodes.BALANCE -> {
        if (s.size() >= 1) {
          stage(s.address(0));
        }
      }
      case Opcodes.SELFDESTRUCT -> {
        if (s.size() >= 1) {
          stage(s.address(0));
          stagedSelfDestruct = self;
        }
      }
      case Opcodes.CALL, Opcodes.CALLCODE, Opcodes.DELEGATECALL, Opcodes.STATICCALL -> {
        if (s.size() >= 5) {
          Address target = s.address(1);
          stage(target);
          if (fork.isAtLeast(Fork.PRAGUE)) {
            Delegation.target(state.getCode(target)).ifPresent(this::stage);
          }
        }
      }
      case Opcodes.CREATE -> stageCreation(ContractAddress.of(self, state.getNonce(self)));
      case Opcodes.CREATE2 -> {
        if (s.size() >= 4) {
          Bytes init = initCode(frame, s.clampedLong(1), s.clampedLong(2));
          if (init != null) {
            stageCreation(ContractAddress.of2(self, s.peek(3).toBytes32(), init));
          }
        }
      }
      default -> { }
    }
  }

  @Override
  public void afterStep(Frame frame, int opcode, long gasCost, String error) {
    if (error != null && GethErrors.beforeLogging(GethErrors.forStep(error, opcode, stackBefore, gasBefore, fork))) {
      return;
    }
    stagedAccounts.forEach(pre::putIfAbsent);
    for (Slot slot : stagedSlots) {
      PrestateAccount a = pre.get(slot.address());
      if (a.storage != null) {
        a.storage.putIfAbsent(slot.key(), slot.value());
      }
    }
    if (stagedCreation != null) {
      created.add(stagedCreation);
    }
    if (stagedSelfDestruct != null) {
      selfDestructed.add(stagedSelfDestruct);
    }
  }

  @Override
  public JsonNode result() {
    finish();
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (!config.diffMode()) {
      return accountsJson(json, pre);
    }
    ObjectNode o = json.objectNode();
    o.set("post", accountsJson(json, post));
    o.set("pre", accountsJson(json, pre));
    return o;
  }

  /** Computes the diff (if asked) against the state after the transaction, once. */
  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (config.diffMode()) {
      diff();
    }
    // Accounts the transaction created were empty before it; geth leaves them out.
    for (Address a : created) {
      PrestateAccount acc = pre.get(a);
      if (acc != null && acc.empty && !config.includeEmpty()) {
        pre.remove(a);
      }
    }
    if (!config.diffMode() && !config.includeEmpty()) {
      pre.values().removeIf(acc -> acc.empty);
    }
  }

  /**
   * Keeps in {@code pre} only the accounts and slots that changed and puts their new
   * values in {@code post}. An account that self-destructed and is gone stays whole in
   * {@code pre} and is absent from {@code post}; a slot cleared to zero is in {@code pre}
   * only.
   */
  private void diff() {
    for (Address address : new ArrayList<>(pre.keySet())) {
      if (selfDestructed.contains(address) && !state.exists(address)) {
        continue;
      }
      PrestateAccount before = pre.get(address);
      PrestateAccount after = new PrestateAccount();
      after.storage = new TreeMap<>();
      boolean modified = false;
      UInt256 balance = state.getBalance(address);
      if (!balance.equals(before.balance)) {
        modified = true;
        after.balance = balance;
      }
      long nonce = state.getNonce(address);
      if (nonce != before.nonce) {
        modified = true;
        after.nonce = nonce;
      }
      Bytes code = state.getCode(address);
      Hash codeHash = code.isEmpty() ? null : state.getCodeHash(address);
      if (!Objects.equals(codeHash, before.codeHash)) {
        modified = true;
        after.codeHash = codeHash;
      }
      if (!config.disableCode() && !code.equals(before.code)) {
        modified = true;
        after.code = code;
      }
      if (before.storage != null) {
        for (Map.Entry<UInt256, UInt256> e : new ArrayList<>(before.storage.entrySet())) {
          UInt256 now = state.getStorage(address, e.getKey());
          if (e.getValue().isZero() || e.getValue().equals(now)) {
            before.storage.remove(e.getKey());
          }
          if (!e.getValue().equals(now)) {
            modified = true;
            if (!now.isZero()) {
              after.storage.put(e.getKey(), now);
            }
          }
        }
      }
      if (modified) {
        post.put(address, after);
      } else {
        pre.remove(address);
      }
    }
  }

  private void lookup(Address address) {
    if (!pre.containsKey(address)) {
      pre.put(address, PrestateAccount.read(state, address, !config.disableCode(), !config.disableStorage()));
    }
  }

  private void lookupDelegation(Address address) {
    if (fork.isAtLeast(Fork.PRAGUE)) {
      Delegation.target(state.getCode(address)).ifPresent(this::lookup);
    }
  }

  private void stage(Address address) {
    if (!pre.containsKey(address) && !stagedAccounts.containsKey(address)) {
      stagedAccounts.put(address,
          PrestateAccount.read(state, address, !config.disableCode(), !config.disableStorage()));
    }
  }

  private void stageCreation(Address address) {
    stage(address);
    stagedCreation = address;
  }

  /** CREATE2's init code as it will be read: memory, zero-padded; null past a sane size (the step fails anyway). */
  private static Bytes initCode(Frame frame, long offset, long length) {
    if (length == 0) {
      return Bytes.EMPTY;
    }
    if (length > 1 << 20 || offset > Integer.MAX_VALUE) {
      return null;
    }
    byte[] out = new byte[(int) length];
    long size = frame.memory().size();
    if (offset < size) {
      System.arraycopy(frame.memory().array(), (int) offset, out, 0, (int) Math.min(length, size - offset));
    }
    return Bytes.wrap(out);
  }

  private static ObjectNode accountsJson(JsonNodeFactory json, Map<Address, PrestateAccount> accounts) {
    ObjectNode o = json.objectNode();
    accounts.forEach((address, account) -> o.set(address.toHex(), account.toJson(json)));
    return o;
  }
}
