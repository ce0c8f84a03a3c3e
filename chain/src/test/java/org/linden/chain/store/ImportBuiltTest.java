package org.linden.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.linden.chain.config.Genesis;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.execution.IrregularChanges;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.TransactionSigner;
import org.linden.crypto.PrivateKey;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.state.InMemoryKeyValueStore;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** A block the builder executed is committed with that execution, and checked like any other. */
class ImportBuiltTest {
  private static final PrivateKey KEY =
      PrivateKey.fromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  private static final String GENESIS_JSON = """
      {"config": {"chainId": 1337, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
        "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0, "berlinBlock": 0,
        "londonBlock": 0, "mergeNetsplitBlock": 0, "terminalTotalDifficulty": 0, "shanghaiTime": 0, "cancunTime": 0},
       "gasLimit": "0x1c9c380", "difficulty": "0x0",
       "alloc": {"%s": {"balance": "0x56bc75e2d63100000"}}}
      """.formatted(KEY.address().toHex());
  private static final Genesis GENESIS = parse();

  private static Genesis parse() {
    try {
      return Genesis.fromJson(GENESIS_JSON);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static LegacyTransaction transfer(long nonce) {
    return TransactionSigner.signLegacy(LegacyTransaction.unsigned(nonce,
        UInt256.valueOf(10_000_000_000L), 21_000, Address.fromNumber(0x1234), UInt256.valueOf(5), Bytes.EMPTY),
        OptionalLong.of(1337), KEY);
  }

  private static BlockBuilder.Built build(Blockchain chain, long nonce) throws BlockValidationException {
    return new BlockBuilder(chain.config()).build(chain.head(), chain.state(), List.of(transfer(nonce)),
        chain.head().timestamp() + 12, Address.fromNumber(0xc0), n -> chain.store().canonicalHash(n).orElse(Hash.ZERO),
        changes -> chain.state().prepare(changes).postRoot());
  }

  @Test
  void commitsTheBuildersResultAndMatchesAFullImport() throws Exception {
    Blockchain built = Blockchain.open(new InMemoryKeyValueStore(), GENESIS);
    Blockchain replayed = Blockchain.open(new InMemoryKeyValueStore(), GENESIS);
    for (long nonce = 0; nonce < 3; nonce++) {
      BlockBuilder.Built b = build(built, nonce);
      assertThat(built.importBuilt(b, IrregularChanges.NONE)).isTrue();
      assertThat(replayed.importBlock(b.block())).isTrue();
    }
    assertThat(built.head().hash()).isEqualTo(replayed.head().hash());
    assertThat(built.state().account(Address.fromNumber(0x1234)).orElseThrow().balance()).isEqualTo(UInt256.valueOf(15));
    assertThat(built.store().receipts(built.head().hash())).isEqualTo(replayed.store().receipts(replayed.head().hash()));
  }

  @Test
  void theStateUpdatePreparedForTheHeaderIsCommittedAndAStaleOrForeignOneIsNot() throws Exception {
    Blockchain built = Blockchain.open(new InMemoryKeyValueStore(), GENESIS);
    Blockchain replayed = Blockchain.open(new InMemoryKeyValueStore(), GENESIS);
    for (long nonce = 0; nonce < 4; nonce++) {
      org.linden.state.PersistentWorldState.Prepared[] last = new org.linden.state.PersistentWorldState.Prepared[1];
      BlockBuilder.Built b = new BlockBuilder(built.config()).build(built.head(), built.state(), List.of(transfer(nonce)),
          built.head().timestamp() + 12, Address.fromNumber(0xc0),
          n -> built.store().canonicalHash(n).orElse(Hash.ZERO), changes -> {
            last[0] = built.state().prepare(changes);
            return last[0].postRoot();
          });
      org.linden.state.PersistentWorldState.Prepared prepared = last[0];
      if (nonce == 2) {
        // An update prepared from other changes (a forged account) must not be what gets written.
        List<AccountChange> other = new java.util.ArrayList<>(b.changes());
        other.add(new AccountChange(Address.fromNumber(0x666),
            new AccountInfo(0, UInt256.ONE, AccountInfo.EMPTY_CODE_HASH), null, false, new java.util.HashMap<>()));
        prepared = built.state().prepare(other);
      }
      assertThat(built.importBuilt(b, IrregularChanges.NONE, prepared)).isTrue();
      assertThat(replayed.importBlock(b.block())).isTrue();
      assertThat(built.state().stateRoot()).isEqualTo(replayed.state().stateRoot());
    }
    assertThat(built.head().hash()).isEqualTo(replayed.head().hash());
    assertThat(built.state().account(Address.fromNumber(0x666))).isEmpty();
    assertThat(built.state().account(Address.fromNumber(0x1234)).orElseThrow().balance()).isEqualTo(UInt256.valueOf(20));
  }

  @Test
  void aResultThatDoesNotMatchTheHeaderIsRefused() throws Exception {
    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), GENESIS);
    BlockBuilder.Built b = build(chain, 0);
    Hash head = chain.head().hash();
    // Claim a different post-state than the header commits to.
    AccountChange forged = new AccountChange(Address.fromNumber(0x666),
        new AccountInfo(0, UInt256.valueOf(1), AccountInfo.EMPTY_CODE_HASH), null, false, new java.util.HashMap<>());
    List<AccountChange> changes = new java.util.ArrayList<>(b.changes());
    changes.add(forged);
    BlockBuilder.Built tampered = new BlockBuilder.Built(b.block(), b.result(), changes);
    assertThatThrownBy(() -> chain.importBuilt(tampered, IrregularChanges.NONE))
        .isInstanceOf(BlockValidationException.class);
    assertThat(chain.head().hash()).isEqualTo(head);
    assertThat(chain.state().account(Address.fromNumber(0x666))).isEmpty();
    // The honest build still goes in.
    assertThat(chain.importBuilt(b, IrregularChanges.NONE)).isTrue();
  }
}
