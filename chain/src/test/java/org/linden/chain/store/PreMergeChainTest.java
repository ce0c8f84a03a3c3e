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
}
