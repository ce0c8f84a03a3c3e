package org.linden.chain.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.chain.txpool.PoolFixture.tx;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.config.Genesis;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.ValidTransaction;
import org.linden.crypto.PrivateKey;
import org.linden.state.InMemoryKeyValueStore;
import org.linden.types.Address;
import org.linden.types.Hash;

/** The pool feeding real blocks on a persistent chain, and following its head through a reorg. */
class TxPoolBlockchainTest {
  private static final PrivateKey ALICE = PoolFixture.ALICE;
  private static final PrivateKey BOB = PoolFixture.BOB;
  private static final String GENESIS = """
      {"config": {"chainId": 1337, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
        "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0,
        "berlinBlock": 0, "londonBlock": 0, "mergeNetsplitBlock": 0, "terminalTotalDifficulty": 0,
        "shanghaiTime": 0, "cancunTime": 0},
       "gasLimit": "0x1c9c380", "difficulty": "0x0", "baseFeePerGas": "0x3b9aca00",
       "alloc": {"%s": {"balance": "0x56bc75e2d63100000"}, "%s": {"balance": "0x56bc75e2d63100000"}}}
      """.formatted(ALICE.address().toHex(), BOB.address().toHex());

  /** A block and the state after it, kept in memory to build children on. */
  private record Node(Block block, InMemoryStateDatabase state) {}

  private final Genesis genesis;
  private final BlockBuilder builder;

  TxPoolBlockchainTest() throws Exception {
    genesis = Genesis.fromJson(GENESIS);
    builder = new BlockBuilder(genesis.config());
  }

  private Node genesisNode() {
    InMemoryStateDatabase state = genesis.toStateDatabase();
    return new Node(genesis.toBlock(state.stateRoot()), state);
  }

  private Node child(Node parent, List<Transaction> txs) throws Exception {
    BlockBuilder.Built built = builder.build(parent.block().header(), parent.state(), txs,
        parent.block().header().timestamp() + 12, Address.fromNumber(0xc0), n -> Hash.ZERO, changes -> {
          InMemoryStateDatabase copy = parent.state().copy();
          copy.apply(changes);
          return copy.stateRoot();
        });
    InMemoryStateDatabase state = parent.state().copy();
    state.apply(built.changes());
    return new Node(built.block(), state);
  }

  private static List<Transaction> txs(List<ValidTransaction> valid) {
    return valid.stream().map(ValidTransaction::transaction).toList();
  }

  @Test
  void poolTransactionsMakeAValidBlockAndLeaveWhenItIsImported() throws Exception {
    Node g = genesisNode();
    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    TxPool pool = TxPool.forBlockchain(chain, TxPoolConfig.DEFAULT);
    pool.add(tx(ALICE, 1).signed());
    pool.add(tx(BOB, 0).gwei(2, 10).signed());
    pool.add(tx(ALICE, 0).signed());

    List<Transaction> picked = txs(pool.pendingOrdered(pool.nextBaseFee(), chain.head().gasLimit()));
    assertThat(picked).hasSize(3);
    Node a1 = child(g, picked);
    chain.importBlock(a1.block());
    pool.onNewHead(chain.head(), chain.state());

    assertThat(pool.status()).isEqualTo(new PoolStatus(0, 0));
    assertThat(pool.pendingNonce(ALICE.address())).isEqualTo(2);
  }

  @Test
  void aReorgToABranchWithoutTheTransactionsPutsThemBack() throws Exception {
    Node g = genesisNode();
    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    TxPool pool = TxPool.forBlockchain(chain, TxPoolConfig.DEFAULT);
    Transaction a0 = tx(ALICE, 0).signed();
    Transaction b0 = tx(BOB, 0).signed();
    pool.add(a0);
    pool.add(b0);
    Node a1 = child(g, txs(pool.pendingOrdered(pool.nextBaseFee(), chain.head().gasLimit())));
    chain.importBlock(a1.block());
    pool.onNewHead(chain.head(), chain.state());
    assertThat(pool.status()).isEqualTo(new PoolStatus(0, 0));

    // The other branch mined only Bob's transaction.
    Node b1 = child(g, List.of(b0));
    chain.importBlock(b1.block());
    assertThat(chain.head().hash()).isEqualTo(b1.block().hash());
    pool.onNewHead(chain.head(), chain.state(), a1.block().transactions());

    assertThat(pool.status()).isEqualTo(new PoolStatus(1, 0));
    assertThat(pool.contains(a0.hash())).isTrue();
    assertThat(pool.contains(b0.hash())).isFalse();
  }
}
