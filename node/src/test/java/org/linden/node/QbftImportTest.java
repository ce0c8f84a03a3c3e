package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.consensus.qbft.QbftExtraData;
import org.linden.consensus.qbft.QbftHashing;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.node.p2p.NetworkSettings;
import org.linden.node.rpc.RpcApis;
import org.linden.types.Bytes;

/**
 * A network from {@code network init} seals Cancun-shaped QBFT blocks, and {@code linden import}
 * checks their commit seals as the node checks blocks from peers.
 */
class QbftImportTest {
  @Test
  void aBlockSealedByANonValidatorStopsTheImport(@TempDir Path tmp) throws Exception {
    Path net = tmp.resolve("net");
    CommandRun init = CommandRun.of("network", "init", "--validators", "1", "--out", net.toString());
    assertThat(init.exitCode()).as(init.err()).isZero();

    // A one-validator network seals a block a second on its own.
    Path sealed = tmp.resolve("sealed");
    RpcApis apis = RpcApis.parse(List.of("eth"), false);
    try (LindenNode node = LindenNode.node(sealed, net.resolve("genesis.json"),
        new LindenNode.RpcSettings("127.0.0.1", 0, apis, List.of(), null), ObservabilitySettings.defaults(false),
        new NetworkSettings("127.0.0.1", 0, -1, false, List.of(), 5, null), net.resolve("node0/key"))) {
      RpcClient rpc = new RpcClient(node.port());
      for (int i = 0; i < 300 && Long.decode(rpc.result("eth_blockNumber").asText()) < 3; i++) {
        Thread.sleep(100);
      }
      assertThat(Long.decode(rpc.result("eth_blockNumber").asText())).isGreaterThanOrEqualTo(3);
    }
    Path file = tmp.resolve("chain.rlp");
    CommandRun export = CommandRun.of("export", "--datadir", sealed.toString(), "--to", "3", file.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();

    CommandRun honest = CommandRun.of("import", "--datadir", tmp.resolve("honest").toString(), "--genesis",
        net.resolve("genesis.json").toString(), file.toString());
    assertThat(honest.exitCode()).as(honest.err()).isZero();
    assertThat(honest.out()).contains("imported 3 blocks").contains("head block 3 ");

    // Block 2 again, its seal replaced by one of a key that is not a validator: same hash, bad seal.
    List<Block> blocks = read(file);
    BlockHeader h = blocks.get(1).header();
    // The network runs Cancun's rules, with QBFT's own difficulty and mix hash.
    assertThat(h.difficulty()).isEqualTo(org.linden.types.UInt256.ONE);
    assertThat(h.mixHash()).isEqualTo(BlockHeader.BFT_MIX_HASH);
    assertThat(h.withdrawalsRoot()).isNotNull();
    assertThat(h.excessBlobGas()).isZero();
    assertThat(h.parentBeaconBlockRoot()).isEqualTo(org.linden.types.Hash.ZERO);
    assertThat(blocks.get(1).body().withdrawals()).isEmpty();
    PrivateKey outsider = PrivateKey.of(Keccak.hash256(Bytes.wrap("outsider".getBytes())).bytes());
    BlockHeader forged = h.toBuilder().extraData(QbftExtraData.of(h)
        .withCommitSeals(List.of(Secp256k1.sign(QbftHashing.commitSealHash(h), outsider))).encode()).build();
    assertThat(forged.hash()).isEqualTo(h.hash());
    Path forgedFile = tmp.resolve("forged.rlp");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(blocks.get(0).encode().unsafeArray());
    out.write(new Block(forged, blocks.get(1).body()).encode().unsafeArray());
    out.write(blocks.get(2).encode().unsafeArray());
    Files.write(forgedFile, out.toByteArray());

    Path refused = tmp.resolve("refused");
    CommandRun bad = CommandRun.of("import", "--datadir", refused.toString(), "--genesis",
        net.resolve("genesis.json").toString(), forgedFile.toString());
    assertThat(bad.exitCode()).as(bad.out()).isEqualTo(1);
    assertThat(bad.err()).contains("block 2 ").contains("commit seals").contains("seal from non validator");
    CommandRun dump = CommandRun.of("export", "--datadir", refused.toString(), tmp.resolve("kept.rlp").toString());
    assertThat(dump.exitCode()).as(dump.err()).isZero();
    assertThat(read(tmp.resolve("kept.rlp"))).extracting(Block::number).containsExactly(1L);
  }

  private static List<Block> read(Path file) throws Exception {
    List<Block> blocks = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      RlpStream stream = new RlpStream(in);
      Bytes raw;
      while ((raw = stream.next()) != null) {
        blocks.add(Block.decode(raw));
      }
    }
    return blocks;
  }
}
