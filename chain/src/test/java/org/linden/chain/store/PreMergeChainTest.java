package org.linden.chain.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.block.Receipt;
import org.linden.chain.config.Genesis;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.TransactionSigner;
import org.linden.crypto.PrivateKey;
import org.linden.state.InMemoryKeyValueStore;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A proof-of-work era chain across the Byzantium boundary: receipts carry the state root
 * after each transaction before Byzantium and a status after; the miner earns the block
 * reward of each era.
 */
class PreMergeChainTest {
  private static final PrivateKey KEY =
      PrivateKey.fromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  private static final Address MINER = Address.fromNumber(0xbeef);

  @Test
  void receiptsAndRewardsFollowTheirFork() throws Exception {
    Genesis genesis = Genesis.fromJson("""
        {"config": {"chainId": 1337, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
          "byzantiumBlock": 2},
         "gasLimit": "0x1c9c380", "difficulty": "0x20000",
         "alloc": {"%s": {"balance": "0x56bc75e2d63100000"}}}
        """.formatted(KEY.address().toHex()));
    BlockBuilder builder = new BlockBuilder(genesis.config());
    InMemoryStateDatabase state = genesis.toStateDatabase();
    Block parent = genesis.toBlock(state.stateRoot());
    Hash rootAfterFirstTx = null;
    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    for (int i = 0; i < 2; i++) {
      LegacyTransaction tx = TransactionSigner.signLegacy(LegacyTransaction.unsigned(i,
          UInt256.valueOf(1_000_000_000L), 21_000, Address.fromNumber(0x1234), UInt256.valueOf(1), Bytes.EMPTY),
          OptionalLong.of(1337), KEY);
      InMemoryStateDatabase before = state;
      BlockBuilder.Built built = builder.build(parent.header(), before, List.of(tx), parent.header().timestamp() + 13,
          MINER, n -> Hash.ZERO, changes -> {
            InMemoryStateDatabase copy = before.copy();
            copy.apply(changes);
            return copy.stateRoot();
          });
      state = before.copy();
      state.apply(built.changes());
      if (i == 0) {
        // The receipt's root is taken after the transaction, before the block reward is paid.
        InMemoryStateDatabase unrewarded = state.copy();
        UInt256 reward = UInt256.fromBigInteger(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(5)));
        var miner = unrewarded.accounts().get(MINER);
        unrewarded.putAccount(MINER, miner.nonce(), miner.balance().sub(reward), Bytes.EMPTY, java.util.Map.of());
        rootAfterFirstTx = unrewarded.stateRoot();
      }
      chain.importBlock(built.block());
      parent = built.block();
    }
    List<Receipt> first = chain.store().receipts(chain.store().canonicalHash(1).orElseThrow()).orElseThrow();
    List<Receipt> second = chain.store().receipts(chain.store().canonicalHash(2).orElseThrow()).orElseThrow();
    assertThat(first.get(0).hasStatus()).isFalse();
    assertThat(first.get(0).postState()).contains(rootAfterFirstTx);
    assertThat(second.get(0).hasStatus()).isTrue();
    assertThat(second.get(0).succeeded()).isTrue();
    // 5 ether before Byzantium, 3 after; plus each block's 21000 gas at 1 gwei.
    BigInteger ether = BigInteger.TEN.pow(18);
    BigInteger fees = BigInteger.valueOf(2L * 21_000 * 1_000_000_000L);
    assertThat(chain.state().account(MINER).orElseThrow().balance().toBigInteger())
        .isEqualTo(ether.multiply(BigInteger.valueOf(8)).add(fees));
    assertThat(chain.head().number()).isEqualTo(2);
  }

  private record Node(Block block, InMemoryStateDatabase state) {}

  private static Node child(BlockBuilder builder, Node parent, long nonce, long value) throws Exception {
    LegacyTransaction tx = TransactionSigner.signLegacy(LegacyTransaction.unsigned(nonce,
        UInt256.valueOf(1_000_000_000L), 21_000, Address.fromNumber(0x1234), UInt256.valueOf(value), Bytes.EMPTY),
        OptionalLong.of(1337), KEY);
    BlockBuilder.Built built = builder.build(parent.block().header(), parent.state(), List.of(tx),
        parent.block().header().timestamp() + 13, MINER, n -> Hash.ZERO, changes -> {
          InMemoryStateDatabase copy = parent.state().copy();
          copy.apply(changes);
          return copy.stateRoot();
        });
    InMemoryStateDatabase state = parent.state().copy();
    state.apply(built.changes());
    return new Node(built.block(), state);
  }

  @Test
  void theHeaviestChainWinsBeforeTheMerge() throws Exception {
    Genesis genesis = Genesis.fromJson("""
        {"config": {"chainId": 1337, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
          "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0},
         "gasLimit": "0x1c9c380", "difficulty": "0x20000",
         "alloc": {"%s": {"balance": "0x56bc75e2d63100000"}}}
        """.formatted(KEY.address().toHex()));
    BlockBuilder builder = new BlockBuilder(genesis.config());
    InMemoryStateDatabase g = genesis.toStateDatabase();
    Node root = new Node(genesis.toBlock(g.stateRoot()), g);
    Node a1 = child(builder, root, 0, 1);
    Node a2 = child(builder, a1, 1, 1);
    Node b1 = child(builder, root, 0, 7);
    Node b2 = child(builder, b1, 1, 7);
    Node b3 = child(builder, b2, 2, 7);

    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    chain.importBlock(a1.block());
    chain.importBlock(a2.block());
    chain.importBlock(b1.block());
    chain.importBlock(b2.block());
    // B2 only ties A2: the chain keeps A2, with B1 and B2 stored on the side.
    assertThat(chain.head().hash()).isEqualTo(a2.block().hash());
    assertThat(chain.contains(b2.block().hash())).isTrue();
    assertThat(chain.store().totalDifficulty(b2.block().hash()))
        .isEqualTo(chain.store().totalDifficulty(a2.block().hash()));
    chain.importBlock(b3.block());
    assertThat(chain.head().hash()).isEqualTo(b3.block().hash());
    assertThat(chain.state().stateRoot()).isEqualTo(b3.block().header().stateRoot());
    assertThat(chain.store().canonicalHash(1)).contains(b1.block().hash());
    assertThat(chain.state().account(Address.fromNumber(0x1234)).orElseThrow().balance())
        .isEqualTo(UInt256.valueOf(21));
  }
}
