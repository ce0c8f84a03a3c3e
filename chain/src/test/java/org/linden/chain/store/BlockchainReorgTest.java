package org.linden.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.Genesis;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionSigner;
import org.linden.crypto.PrivateKey;
import org.linden.state.InMemoryKeyValueStore;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** Branch switches on the persistent chain: rewinding with reverse diffs and replaying the other branch. */
class BlockchainReorgTest {
  private static final PrivateKey KEY =
      PrivateKey.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  private static final Address X = Address.fromNumber(0x1111);
  private static final Address Y = Address.fromNumber(0x2222);
  private static final String GENESIS = """
      {"config": {"chainId": 1337, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
        "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0,
        "berlinBlock": 0, "londonBlock": 0, "mergeNetsplitBlock": 0, "terminalTotalDifficulty": 0,
        "shanghaiTime": 0, "cancunTime": 0},
       "gasLimit": "0x1c9c380", "difficulty": "0x0", "baseFeePerGas": "0x3b9aca00",
       "alloc": {"%s": {"balance": "0x56bc75e2d63100000"}}}
      """.formatted(KEY.address().toHex());

  private final Genesis genesis;
  private final BlockBuilder builder;

  BlockchainReorgTest() throws Exception {
    genesis = Genesis.fromJson(GENESIS);
    builder = new BlockBuilder(genesis.config());
  }

  /** A block and the in-memory state after it, so further blocks can be built on it. */
  private record Node(Block block, InMemoryStateDatabase state) {
    BlockHeader header() {
      return block.header();
    }
  }

  private Node genesisNode() {
    InMemoryStateDatabase state = genesis.toStateDatabase();
    return new Node(genesis.toBlock(state.stateRoot()), state);
  }

  private Node child(Node parent, long nonce, Address to, long value) throws BlockValidationException {
    return child(parent, nonce, to, value, org.linden.chain.execution.IrregularChanges.NONE);
  }

  private Node child(Node parent, long nonce, Address to, long value,
      org.linden.chain.execution.IrregularChanges irregular) throws BlockValidationException {
    Transaction tx = TransactionSigner.sign(new FeeMarketTransaction(1337, nonce, UInt256.ONE,
        UInt256.valueOf(100_000_000_000L), 21_000, to, UInt256.valueOf(value), Bytes.EMPTY, List.of(), 0,
        UInt256.ZERO, UInt256.ZERO), KEY);
    BlockBuilder.Built built = builder.build(parent.header(), parent.state(), List.of(tx),
        parent.header().timestamp() + 12, Address.fromNumber(0xc0), n -> Hash.ZERO, changes -> {
          InMemoryStateDatabase copy = parent.state().copy();
          copy.apply(changes);
          return copy.stateRoot();
        }, irregular);
    InMemoryStateDatabase state = parent.state().copy();
    state.apply(built.changes());
    return new Node(built.block(), state);
  }

  @Test
  void theLastValidBlockImportedBecomesTheHeadAcrossBranches() throws Exception {
    Node g = genesisNode();
    Node a1 = child(g, 0, X, 1);
    Node a2 = child(a1, 1, X, 2);
    Node a3 = child(a2, 2, X, 3);
    Node b1 = child(g, 0, Y, 5);

    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    assertThat(chain.head().hash()).isEqualTo(g.block().hash());
    chain.importBlock(a1.block());
    chain.importBlock(a2.block());
    assertThat(balance(chain, X)).isEqualTo(UInt256.valueOf(3));

    // B1 on genesis: rewind A2 and A1, apply B1.
    chain.importBlock(b1.block());
    assertThat(chain.head().hash()).isEqualTo(b1.block().hash());
    assertThat(chain.state().stateRoot()).isEqualTo(b1.header().stateRoot());
    assertThat(balance(chain, X)).isEqualTo(UInt256.ZERO);
    assertThat(balance(chain, Y)).isEqualTo(UInt256.valueOf(5));
    assertThat(chain.store().canonicalHash(1)).contains(b1.block().hash());
    assertThat(chain.store().canonicalHash(2)).isEmpty();
    Hash a1Tx = a1.block().transactions().get(0).hash();
    assertThat(chain.store().transaction(a1Tx)).isEmpty();

    // A3 extends A2: rewind B1, replay A1 and A2, apply A3.
    chain.importBlock(a3.block());
    assertThat(chain.head().hash()).isEqualTo(a3.block().hash());
    assertThat(chain.state().stateRoot()).isEqualTo(a3.header().stateRoot());
    assertThat(balance(chain, X)).isEqualTo(UInt256.valueOf(6));
    assertThat(balance(chain, Y)).isEqualTo(UInt256.ZERO);
    assertThat(chain.store().canonicalHash(1)).contains(a1.block().hash());
    assertThat(chain.store().transaction(a1Tx)).hasValueSatisfying(l -> assertThat(l.blockHash())
        .isEqualTo(a1.block().hash()));
  }

  @Test
  void aDevBlocksIrregularEditsAreStoredAndReplayedAfterABranchSwitch() throws Exception {
    Address edited = Address.fromNumber(0x3333);
    var edit = new org.linden.evm.state.AccountChange(edited, new org.linden.evm.state.AccountInfo(5,
        UInt256.valueOf(1000), org.linden.evm.state.AccountInfo.EMPTY_CODE_HASH), null, false,
        new java.util.HashMap<>(java.util.Map.of(UInt256.ONE, UInt256.valueOf(7))));
    var irregular = new org.linden.chain.execution.IrregularChanges(List.of(edit), java.util.Map.of());
    assertThat(org.linden.chain.execution.IrregularChanges.decode(irregular.encode())).isEqualTo(irregular);
    Node g = genesisNode();
    Node a1 = child(g, 0, X, 1, irregular);
    Node a2 = child(a1, 1, X, 2);
    Node b1 = child(g, 0, Y, 5);

    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    // Without its edits the block's state root does not match.
    assertThatThrownBy(() -> chain.importBlock(a1.block())).isInstanceOf(BlockValidationException.class);
    assertThat(chain.head().hash()).isEqualTo(g.block().hash());
    chain.importBlock(a1.block(), irregular);
    assertThat(balance(chain, edited)).isEqualTo(UInt256.valueOf(1000));
    chain.importBlock(b1.block());
    assertThat(balance(chain, edited)).isEqualTo(UInt256.ZERO);
    // A2 extends A1: A1 is replayed with the edits stored with it.
    chain.importBlock(a2.block());
    assertThat(chain.head().hash()).isEqualTo(a2.block().hash());
    assertThat(balance(chain, edited)).isEqualTo(UInt256.valueOf(1000));
    assertThat(chain.state().account(edited).orElseThrow().nonce()).isEqualTo(5);
  }

  @Test
  void rewindToMovesTheHeadBackAndRefusesWhatIsNotCanonical() throws Exception {
    Node g = genesisNode();
    Node a1 = child(g, 0, X, 1);
    Node a2 = child(a1, 1, X, 2);
    Node b1 = child(g, 0, Y, 5);
    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    List<Long> rewound = new java.util.ArrayList<>();
    chain.addListener(new Blockchain.ChainListener() {
      @Override
      public void headRewound(BlockHeader head) {
        rewound.add(head.number());
      }
    });
    chain.importBlock(a1.block());
    chain.importBlock(a2.block());
    chain.importBlock(b1.block());
    assertThat(rewound).isEmpty();
    chain.importBlock(child(b1, 1, Y, 1).block());
    assertThatThrownBy(() -> chain.rewindTo(a1.block().hash())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not on the canonical chain");
    assertThatThrownBy(() -> chain.rewindTo(Hash.ZERO)).isInstanceOf(IllegalArgumentException.class);
    chain.rewindTo(g.block().hash());
    assertThat(chain.head().hash()).isEqualTo(g.block().hash());
    assertThat(chain.state().stateRoot()).isEqualTo(g.header().stateRoot());
    assertThat(chain.store().canonicalHash(1)).isEmpty();
    assertThat(rewound).containsExactly(0L);
    // The chain goes on from there.
    Node c1 = child(g, 0, X, 9);
    chain.importBlock(c1.block());
    assertThat(chain.head().hash()).isEqualTo(c1.block().hash());
    assertThat(balance(chain, X)).isEqualTo(UInt256.valueOf(9));
  }

  @Test
  void anInvalidBlockOnAnotherBranchLeavesTheChainAsItWas() throws Exception {
    Node g = genesisNode();
    Node a1 = child(g, 0, X, 1);
    Node a2 = child(a1, 1, X, 2);
    Node b1 = child(g, 0, Y, 5);
    Block badB2 = new Block(child(b1, 1, Y, 6).header().toBuilder().stateRoot(Hash.ZERO).build(),
        child(b1, 1, Y, 6).block().body());

    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    chain.importBlock(a1.block());
    chain.importBlock(b1.block());
    chain.importBlock(a2.block());
    assertThat(chain.head().hash()).isEqualTo(a2.block().hash());
    assertThatThrownBy(() -> chain.importBlock(badB2)).isInstanceOf(BlockValidationException.class)
        .hasMessageContaining("state root");
    assertThat(chain.head().hash()).isEqualTo(a2.block().hash());
    assertThat(chain.state().stateRoot()).isEqualTo(a2.header().stateRoot());
    assertThat(chain.contains(badB2.hash())).isFalse();
  }

  private static UInt256 balance(Blockchain chain, Address a) {
    return chain.state().account(a).map(i -> i.balance()).orElse(UInt256.ZERO);
  }

  @Test
  void aBlockWithAnUnknownParentIsRejected() throws Exception {
    Node g = genesisNode();
    Node a2 = child(child(g, 0, X, 1), 1, X, 2);
    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    assertThatThrownBy(() -> chain.importBlock(a2.block())).isInstanceOf(BlockValidationException.class)
        .hasMessageContaining("unknown parent");
  }
}
