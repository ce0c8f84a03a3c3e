package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.StateReader;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.Params;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/**
 * The state, execution and fee part of the {@code eth} namespace, as execution-apis
 * specifies it and geth answers it where the specification is open:
 *
 * <ul>
 *   <li>{@code eth_chainId}, {@code eth_syncing};
 *   <li>{@code eth_gasPrice} (the next block's base fee plus the suggested tip),
 *       {@code eth_maxPriorityFeePerGas}, {@code eth_feeHistory}, {@code eth_blobBaseFee}
 *       (the next block's);
 *   <li>{@code eth_getBalance}, {@code eth_getCode}, {@code eth_getStorageAt},
 *       {@code eth_getTransactionCount}, {@code eth_getProof};
 *   <li>{@code eth_call}, {@code eth_estimateGas}, {@code eth_createAccessList},
 *       {@code eth_simulateV1}.
 * </ul>
 *
 * <p>State is read at the block a request names: the head's, or a recent block's through
 * the kept state diffs. {@code pending} is the head, except that
 * {@code eth_getTransactionCount} asks the {@code pendingNonce} hook (the transaction pool)
 * first.
 */
public final class EthStateApi {
  /** Limits and defaults: the most gas a call may use, and the tip suggested on an idle chain. */
  public record Config(long gasCap, UInt256 idleTip) {
    public Config {
      if (gasCap <= 0) {
        throw new IllegalArgumentException("the gas cap must be positive, got " + gasCap);
      }
      Objects.requireNonNull(idleTip, "idleTip");
    }

    /** 50M gas as geth's {@code --rpc.gascap}; 1 gwei. */
    public static final Config DEFAULTS = new Config(50_000_000L, UInt256.valueOf(1_000_000_000L));
  }

  /** Progress of a sync, as {@code eth_syncing} reports it. */
  public record SyncStatus(long startingBlock, long currentBlock, long highestBlock) {}

  private final BlockResolver blocks;
  private final Function<Address, OptionalLong> pendingNonce;
  private final Supplier<Optional<SyncStatus>> syncStatus;
  private final EthCallMethods calls;
  private final SimulateV1 simulate;
  private final FeeHistory feeHistory;
  private final GasPriceOracle oracle;
  private final AccountProofs proofs;

  /**
   * @param pendingNonce the next nonce of a sender counting its pending transactions, or
   *     empty to use the head's state (until a transaction pool is plugged in)
   * @param syncStatus the sync in progress, or empty when in sync (until sync exists)
   */
  public EthStateApi(BlockResolver blocks, Function<Address, OptionalLong> pendingNonce,
      Supplier<Optional<SyncStatus>> syncStatus, Config config) {
    this.blocks = Objects.requireNonNull(blocks, "blocks");
    this.pendingNonce = Objects.requireNonNull(pendingNonce, "pendingNonce");
    this.syncStatus = Objects.requireNonNull(syncStatus, "syncStatus");
    this.calls = new EthCallMethods(blocks, config.gasCap());
    this.simulate = new SimulateV1(blocks, config.gasCap());
    this.feeHistory = new FeeHistory(blocks.chain());
    this.oracle = new GasPriceOracle(blocks.chain(), config.idleTip());
    this.proofs = new AccountProofs(blocks);
  }

  /** With no pool, no sync and the default limits. */
  public EthStateApi(BlockResolver blocks) {
    this(blocks, a -> OptionalLong.empty(), Optional::empty, Config.DEFAULTS);
  }

  public void register(RpcDispatcher d) {
    d.register("eth_chainId", (p, s) -> {
      p.atMost(0);
      return Quantity.of(config().chainId());
    });
    d.register("eth_syncing", (p, s) -> {
      p.atMost(0);
      return syncStatus.get().<Object>map(EthStateApi::syncing).orElse(Boolean.FALSE);
    });
    d.register("eth_gasPrice", (p, s) -> {
      p.atMost(0);
      return Quantity.of(oracle.suggestTip().add(FeeHistory.nextBaseFee(config(), blocks.chain().head())));
    });
    d.register("eth_maxPriorityFeePerGas", (p, s) -> {
      p.atMost(0);
      return Quantity.of(oracle.suggestTip());
    });
    d.register("eth_feeHistory", (p, s) -> feeHistory.query(p));
    d.register("eth_blobBaseFee", (p, s) -> {
      p.atMost(0);
      BlockHeader head = blocks.chain().head();
      if (config().forkAt(head.number() + 1, head.timestamp()).isBefore(Fork.CANCUN)) {
        return JsonNodeFactory.instance.nullNode();
      }
      return Quantity.of(feeHistory.nextBlobBaseFee(head));
    });
    d.register("eth_getBalance", (p, s) -> {
      p.atMost(2);
      Address a = p.address(0, "address");
      return Quantity.of(account(p, a, 1).map(AccountInfo::balance).orElse(UInt256.ZERO));
    });
    d.register("eth_getCode", (p, s) -> {
      p.atMost(2);
      Address a = p.address(0, "address");
      StateReader state = blocks.state(p.block(1, "block"));
      return state.account(a).map(i -> state.code(i.codeHash())).orElse(Bytes.EMPTY).toHex();
    });
    d.register("eth_getStorageAt", (p, s) -> {
      p.atMost(3);
      Address a = p.address(0, "address");
      String key = CallJson.text(p.required(1, "slot"), 1, "slot");
      UInt256 slot = CallJson.word(key, 1, "slot");
      return blocks.state(p.block(2, "block")).storage(a, slot).toBytes32().toHex();
    });
    d.register("eth_getTransactionCount", (p, s) -> {
      p.atMost(2);
      Address a = p.address(0, "address");
      if (p.block(1, "block") == BlockParameter.Tag.PENDING) {
        OptionalLong pending = pendingNonce.apply(a);
        if (pending.isPresent()) {
          return Quantity.of(pending.getAsLong());
        }
      }
      return Quantity.of(account(p, a, 1).map(AccountInfo::nonce).orElse(0L));
    });
    d.register("eth_getProof", (p, s) -> proofs.getProof(p));
    calls.register(d);
    d.register("eth_simulateV1", (p, s) -> simulate.simulate(p));
  }

  private ChainConfig config() {
    return blocks.chain().config();
  }

  private Optional<AccountInfo> account(Params p, Address a, int blockArg) {
    return blocks.state(p.block(blockArg, "block")).account(a);
  }

  private static ObjectNode syncing(SyncStatus st) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("startingBlock", Quantity.of(st.startingBlock()));
    o.put("currentBlock", Quantity.of(st.currentBlock()));
    o.put("highestBlock", Quantity.of(st.highestBlock()));
    return o;
  }
}
