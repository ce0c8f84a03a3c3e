package org.linden.node.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linden.chain.config.Genesis;
import org.linden.chain.config.GenesisAccount;
import org.linden.chain.execution.BlockProcessor;
import org.linden.crypto.AddressChecksum;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.UInt256;

class DevGenesisTest {
  private final Genesis genesis = DevGenesis.create(DevGenesis.DEFAULT_CHAIN_ID, DevGenesis.DEFAULT_GAS_LIMIT);

  @Test
  void theAccountsAreDerivedFromTheTestMnemonicAndFunded() {
    List<PrivateKey> keys = DevGenesis.accounts();
    assertThat(keys).hasSize(10);
    // Public facts about the test mnemonic (anvil and hardhat print them): its first and last account.
    assertThat(AddressChecksum.toChecksumHex(keys.get(0).address()))
        .isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    assertThat(AddressChecksum.toChecksumHex(keys.get(9).address()))
        .isEqualTo("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
    assertThat(keys.get(0).bytes().toHex())
        .isEqualTo("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    assertThat(keys.stream().map(PrivateKey::address).distinct()).hasSize(10);
    for (PrivateKey key : keys) {
      GenesisAccount account = genesis.alloc().get(key.address());
      assertThat(account).as(key.address().toHex()).isNotNull();
      assertThat(account.balance().toBigInteger()).isEqualTo(new java.math.BigInteger("10000000000000000000000"));
      assertThat(account.nonce()).isZero();
      assertThat(account.code().isEmpty()).isTrue();
    }
  }

  @Test
  void everyForkThroughOsakaIsActiveAtGenesisWithTheDevParameters() {
    assertThat(genesis.config().chainId()).isEqualTo(1337);
    assertThat(genesis.config().forkAt(0, 0)).isEqualTo(Fork.OSAKA);
    assertThat(genesis.config().blobScheduleAt(0).max()).isPositive();
    var header = genesis.toHeader();
    assertThat(header.gasLimit()).isEqualTo(30_000_000L);
    assertThat(header.baseFeePerGas()).isEqualTo(UInt256.valueOf(1_000_000_000L));
    assertThat(header.difficulty().isZero()).isTrue();
    assertThat(header.requestsHash()).isNotNull();
    assertThat(DevGenesis.create(42, 60_000_000L).config().chainId()).isEqualTo(42);
    assertThat(DevGenesis.create(42, 60_000_000L).toHeader().gasLimit()).isEqualTo(60_000_000L);
  }

  @Test
  void theGenesisIsTheSameForTheSameFlags() {
    assertThat(DevGenesis.create(1337, 30_000_000L).hash()).isEqualTo(genesis.hash());
    assertThat(DevGenesis.create(1337, 30_000_001L).hash()).isNotEqualTo(genesis.hash());
    // The chain id is not in the header: it tells chains apart in signatures, not in the genesis hash.
    assertThat(DevGenesis.create(1338, 30_000_000L).hash()).isEqualTo(genesis.hash());
  }

  @Test
  void theGenesisFileReadsBackAsTheSameChain() throws Exception {
    String json = GenesisJson.write(genesis);
    Genesis read = Genesis.fromJson(json);
    assertThat(read.hash()).isEqualTo(genesis.hash());
    assertThat(read.alloc()).isEqualTo(genesis.alloc());
    assertThat(read.config().toString()).isEqualTo(genesis.config().toString());
    assertThat(read.config().blobSchedules()).isEqualTo(genesis.config().blobSchedules());
    assertThat(json).contains("\"osakaTime\" : 0").contains("\"blobSchedule\"");
  }

  @Test
  void theSystemContractsSitAtTheAddressesTheirEipsState() {
    // EIP-4788, EIP-2935, EIP-7002 and EIP-7251: the sender each states and the address of its first contract.
    Map<Integer, String[]> stated = Map.of(
        4788, new String[] {"0x0B799C86a49DEeb90402691F1041aa3AF2d3C875", "0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02",
            "0xdf52c2d3bbe38820fff7b5eaab3db1b91f8e1412b56497d88388fb5d4ea1fde0"},
        2935, new String[] {"0x3462413Af4609098e1E27A490f554f260213D685", "0x0000F90827F1C53a10cb7A02335B175320002935",
            "0x67139a552b0d3fffc30c0fa7d0c20d42144138c8fe07fc5691f09c1cce632e15"},
        7002, new String[] {"0x8646861A7cF453dDD086874d622b0696dE5b9674", "0x00000961Ef480Eb55e80D19ad83579A64c007002",
            "0x8ded54be89448d78d4bc97782c0187b099e45380ab681742f9d3754e405c2572"},
        7251, new String[] {"0x13d1913d623E6a9D8811736359E50fD31Fe54fCA", "0x0000BBdDc7CE488642fb579F8B00f3a590007251",
            "0x379269d571beff3ed1d8eba3abb24076a7267b0eaf0cc66d728fb0544f5a690d"});
    List<SystemContracts.Deployment> deployments = SystemContracts.deployments();
    assertThat(deployments).extracting(SystemContracts.Deployment::eip).containsExactly(4788, 2935, 7002, 7251);
    for (SystemContracts.Deployment d : deployments) {
      String[] facts = stated.get(d.eip());
      assertThat(d.transaction().hash().toHex()).as("EIP-%d transaction hash", d.eip()).isEqualTo(facts[2]);
      assertThat(AddressChecksum.toChecksumHex(d.sender())).as("EIP-%d sender", d.eip()).isEqualTo(facts[0]);
      assertThat(AddressChecksum.toChecksumHex(d.address())).as("EIP-%d address", d.eip()).isEqualTo(facts[1]);
    }
    // The addresses block processing calls are the same ones.
    assertThat(SystemContracts.genesisAccounts(Fork.OSAKA, 1337).keySet()).containsExactlyInAnyOrder(
        BlockProcessor.BEACON_ROOTS_ADDRESS, BlockProcessor.HISTORY_STORAGE_ADDRESS,
        BlockProcessor.WITHDRAWAL_REQUEST_ADDRESS, BlockProcessor.CONSOLIDATION_REQUEST_ADDRESS);
  }

  @Test
  void theInitCodeRunsToTheRuntimeCodeItCarries() {
    for (SystemContracts.Deployment d : SystemContracts.deployments()) {
      GenesisAccount account = genesis.alloc().get(d.address());
      assertThat(account).as("EIP-%d account", d.eip()).isNotNull();
      assertThat(account.nonce()).isEqualTo(1);
      assertThat(account.balance().isZero()).isTrue();
      // Each init code ends with the runtime code its constructor copies out (the CODECOPY/RETURN idiom).
      Bytes init = d.transaction().data();
      Bytes code = account.code();
      assertThat(code.size()).isPositive();
      assertThat(init.slice(init.size() - code.size(), code.size())).as("EIP-%d runtime code", d.eip())
          .isEqualTo(code);
      assertThat(Keccak.hash256(code)).isNotEqualTo(Keccak.EMPTY_HASH);
    }
    // The request contracts' constructors set the excess to the inhibitor (2^256-1) until the first system call.
    UInt256 inhibitor = UInt256.MAX;
    assertThat(genesis.alloc().get(Address.fromHex("0x00000961Ef480Eb55e80D19ad83579A64c007002")).storage())
        .containsExactly(Map.entry(UInt256.ZERO, inhibitor));
    assertThat(genesis.alloc().get(Address.fromHex("0x0000BBdDc7CE488642fb579F8B00f3a590007251")).storage())
        .containsExactly(Map.entry(UInt256.ZERO, inhibitor));
    assertThat(genesis.alloc().get(Address.fromHex("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02")).storage()).isEmpty();
  }
}
