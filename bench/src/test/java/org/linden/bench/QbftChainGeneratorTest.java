package org.linden.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.Genesis;
import org.linden.chain.consensus.QbftRules;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.store.Blockchain;
import org.linden.consensus.qbft.QbftExtraData;
import org.linden.consensus.qbft.QbftSealVerifier;
import org.linden.consensus.qbft.ValidatorSet;
import org.linden.consensus.qbft.ValidatorSetProvider;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.hd.DevAccounts;
import org.linden.state.InMemoryKeyValueStore;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

class QbftChainGeneratorTest {
  private static final int VALIDATORS = 4;

  /** A network laid out as {@code linden network init} writes one: genesis.json and nodeN/key. */
  private static Path network(Path dir, long epochLength) throws IOException {
    List<PrivateKey> keys = new ArrayList<>();
    for (int i = 0; i < VALIDATORS; i++) {
      keys.add(PrivateKey.of(Keccak.hash256(Bytes.wrap(("test validator " + i).getBytes())).bytes()));
    }
    ValidatorSet set = new ValidatorSet(keys.stream().map(PrivateKey::address).toList());
    String extra = QbftExtraData.forProposal(set, 0).encode().toHex();
    StringBuilder alloc = new StringBuilder();
    for (PrivateKey account : DevAccounts.testAccounts(10)) {
      alloc.append(alloc.isEmpty() ? "" : ",").append('"').append(account.address().toHex())
          .append("\": {\"balance\": \"0x21e19e0c9bab2400000\"}");
    }
    String genesis = """
        {"config": {"chainId": 1337, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
          "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0,
          "berlinBlock": 0, "londonBlock": 0,
          "qbft": {"blockperiodseconds": 2, "epochlength": %d, "requesttimeoutseconds": 10}},
         "nonce": "0x0", "timestamp": "0x0", "extraData": "%s", "gasLimit": "0x1c9c380", "difficulty": "0x1",
         "mixHash": "%s",
         "coinbase": "0x0000000000000000000000000000000000000000", "alloc": {%s}}
        """.formatted(epochLength, extra, BlockHeader.BFT_MIX_HASH.toHex(), alloc);
    Files.writeString(dir.resolve("genesis.json"), genesis);
    for (int i = 0; i < VALIDATORS; i++) {
      Files.createDirectories(dir.resolve("node" + i));
      Files.writeString(dir.resolve("node" + i).resolve("key"), keys.get(i).bytes().toUnprefixedHex() + "\n");
    }
    return dir;
  }

  /** A chain on the network's genesis that checks every header's seals as the node does. */
  private static Blockchain sealCheckingChain(QbftNetworkFiles net) throws Exception {
    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), net.genesis());
    ValidatorSetProvider validators =
        new ValidatorSetProvider(h -> chain.store().header(h), net.settings().epochLength());
    chain.consensusRules(new QbftRules(net.settings()).withSeals(new QbftSealVerifier(validators)));
    return chain;
  }

  private static List<Block> generate(QbftNetworkFiles net, QbftChainGenerator.Options options,
      QbftChainGenerator.Summary[] summary) throws BlockValidationException {
    List<Block> blocks = new ArrayList<>();
    summary[0] = new QbftChainGenerator(net, options).generate(blocks::add);
    return blocks;
  }

  @Test
  void theChainImportsWithSealChecksAndItsVotesReplaceTheWholeValidatorSet(@TempDir Path dir) throws Exception {
    QbftNetworkFiles net = QbftNetworkFiles.load(network(dir, 30_000));
    QbftChainGenerator.Summary[] summary = new QbftChainGenerator.Summary[1];
    List<Block> blocks = generate(net, new QbftChainGenerator.Options(300, 20, 5, 1), summary);
    QbftChainGenerator.Summary s = summary[0];

    Blockchain chain = sealCheckingChain(net);
    long txs = 0;
    for (Block b : blocks) {
      assertThat(chain.importBlock(b)).as("block %d", b.number()).isTrue();
      txs += b.transactions().size();
    }
    assertThat(chain.head()).isEqualTo(s.head());
    assertThat(chain.head().number()).isEqualTo(300);
    assertThat(txs).isEqualTo(s.transactions()).isGreaterThan(60);
    // Block timestamps follow the genesis period of 2 s exactly.
    assertThat(chain.head().timestamp()).isEqualTo(600);

    // A change starts at every multiple of 20 below 300 and takes effect within the next 20 blocks.
    assertThat(s.changes()).hasSize(299 / 20);
    for (int i = 0; i < s.changes().size(); i++) {
      VotePlan.Change c = s.changes().get(i);
      long start = 20L * (i + 1);
      assertThat(c.block()).isBetween(start, start + 19);
      assertThat(c.added()).isEqualTo(i % 2 == 0);
    }

    // The node's own replay of the headers' votes agrees with the changes, block by block.
    ValidatorSetProvider replay = new ValidatorSetProvider(h -> chain.store().header(h), net.settings().epochLength());
    Set<Address> expected = new HashSet<>(net.validators().validators());
    for (VotePlan.Change c : s.changes()) {
      BlockHeader before = chain.canonicalBlock(c.block() - 1).orElseThrow().header();
      BlockHeader at = chain.canonicalBlock(c.block()).orElseThrow().header();
      assertThat(replay.validatorsAfter(before).contains(c.validator())).isNotEqualTo(c.added());
      assertThat(replay.validatorsAfter(at).contains(c.validator())).isEqualTo(c.added());
      if (c.added()) {
        expected.add(c.validator());
      } else {
        expected.remove(c.validator());
      }
    }
    ValidatorSet atHead = replay.validatorsAfter(chain.head());
    assertThat(new HashSet<>(atHead.validators())).isEqualTo(expected);
    assertThat(atHead).isEqualTo(s.headValidators());
    // Seven removals of the longest-serving validators leave none of the four from the genesis.
    assertThat(atHead.validators()).doesNotContainAnyElementsOf(net.validators().validators()).hasSize(VALIDATORS);

    // The reader contract deployed in block 1 holds 42 in slot 0, and returns it as its code says.
    assertThat(chain.state().storage(s.reader(), UInt256.ZERO)).isEqualTo(UInt256.valueOf(42));
    assertThat(chain.state().code(chain.state().account(s.reader()).orElseThrow().codeHash()))
        .isEqualTo(QbftChainGenerator.READER_RUNTIME);
    assertThat(chain.state().account(s.notes()).orElseThrow().codeHash())
        .isEqualTo(Keccak.hash256(QbftChainGenerator.NOTES_RUNTIME));
  }

  @Test
  void votesCutByAnEpochBoundaryAreCastAgainAndTheNodeAgrees(@TempDir Path dir) throws Exception {
    // Epochs of 7 blocks forget pending votes often; the proposers keep voting until the change lands.
    QbftNetworkFiles net = QbftNetworkFiles.load(network(dir, 7));
    QbftChainGenerator.Summary[] summary = new QbftChainGenerator.Summary[1];
    List<Block> blocks = generate(net, new QbftChainGenerator.Options(120, 5, 0, 2), summary);
    Blockchain chain = sealCheckingChain(net);
    for (Block b : blocks) {
      assertThat(chain.importBlock(b)).as("block %d", b.number()).isTrue();
    }
    assertThat(chain.head()).isEqualTo(summary[0].head());
    ValidatorSetProvider replay = new ValidatorSetProvider(h -> chain.store().header(h), 7);
    assertThat(replay.validatorsAfter(chain.head())).isEqualTo(summary[0].headValidators());
    assertThat(summary[0].changes()).hasSizeGreaterThan(4);
  }

  @Test
  void aSealByANonValidatorIsRefused(@TempDir Path dir) throws Exception {
    QbftNetworkFiles net = QbftNetworkFiles.load(network(dir, 30_000));
    QbftChainGenerator.Summary[] summary = new QbftChainGenerator.Summary[1];
    List<Block> blocks = generate(net, new QbftChainGenerator.Options(5, 0, 0, 3), summary);
    Blockchain chain = sealCheckingChain(net);
    assertThat(chain.importBlock(blocks.get(0))).isTrue();
    assertThat(chain.importBlock(blocks.get(1))).isTrue();
    Block third = blocks.get(2);
    BlockHeader unsealed = third.header().toBuilder()
        .extraData(QbftExtraData.of(third.header()).withCommitSeals(List.of()).encode()).build();
    List<PrivateKey> outsiders = new ArrayList<>();
    for (int i = 0; i < VALIDATORS; i++) {
      outsiders.add(PrivateKey.of(Keccak.hash256(Bytes.wrap(("outsider " + i).getBytes())).bytes()));
    }
    Block forged = new Block(QbftChainGenerator.seal(unsealed, outsiders), third.body());
    assertThat(forged.hash()).isEqualTo(third.hash());
    assertThatThrownBy(() -> chain.importBlock(forged)).isInstanceOf(BlockValidationException.class)
        .hasMessageContaining("commit seals");
    assertThat(chain.importBlock(third)).isTrue();
  }

  @Test
  void theSameArgumentsGiveTheSameChain(@TempDir Path dir) throws Exception {
    QbftNetworkFiles net = QbftNetworkFiles.load(network(dir, 30_000));
    QbftChainGenerator.Summary[] first = new QbftChainGenerator.Summary[1];
    QbftChainGenerator.Summary[] second = new QbftChainGenerator.Summary[1];
    generate(net, new QbftChainGenerator.Options(40, 10, 3, 4), first);
    generate(net, new QbftChainGenerator.Options(40, 10, 3, 4), second);
    assertThat(second[0].head()).isEqualTo(first[0].head());
    assertThat(second[0].changes()).isEqualTo(first[0].changes());
  }

  @Test
  void aNetworkWithoutAValidatorsKeyIsRefused(@TempDir Path dir) throws Exception {
    network(dir, 30_000);
    Files.delete(dir.resolve("node2").resolve("key"));
    assertThatThrownBy(() -> QbftNetworkFiles.load(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no key for genesis validator");
  }
}
