package org.linden.p2p.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.crypto.PrivateKey;

class NodeKeyTest {
  private static final String KEY = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291";

  @TempDir Path dir;

  @Test
  void createsKeyOnFirstUseAndReloadsTheSameKey() throws Exception {
    Path dataDir = dir.resolve("data");
    NodeKey first = NodeKey.loadOrCreate(dataDir);
    Path file = dataDir.resolve("nodekey");
    assertThat(file).exists();
    assertThat(Files.readString(file)).matches("[0-9a-f]{64}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    NodeKey again = NodeKey.loadOrCreate(dataDir);
    assertThat(again.privateKey()).isEqualTo(first.privateKey());
    assertThat(again.nodeId()).isEqualTo(first.nodeId());
    try (var files = Files.list(dataDir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("nodekey");
    }
  }

  @Test
  void readsAGethStyleKeyFile() throws Exception {
    Files.writeString(dir.resolve("nodekey"), KEY + "\n");
    NodeKey key = NodeKey.loadOrCreate(dir);
    assertThat(key.privateKey()).isEqualTo(PrivateKey.fromHex(KEY));
    // The node id of this key is given in the ENR specification's example.
    assertThat(key.nodeId())
        .isEqualTo(NodeId.fromHex("a448f24c6d18e575453db13171562b71999873db5b286df957af199ec94617f7"));
  }

  @Test
  void corruptFileIsAClearErrorAndIsKept() throws Exception {
    Path file = dir.resolve("nodekey");
    Files.writeString(file, "not a key");
    assertThatThrownBy(() -> NodeKey.loadOrCreate(dir))
        .isInstanceOf(NodeKeyException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("corrupt");
    assertThat(Files.readString(file)).isEqualTo("not a key");
  }

  @Test
  void zeroKeyIsRejected() throws Exception {
    Files.writeString(dir.resolve("nodekey"), "0".repeat(64));
    assertThatThrownBy(() -> NodeKey.loadOrCreate(dir))
        .isInstanceOf(NodeKeyException.class)
        .hasMessageContaining("corrupt");
  }

  @Test
  void toStringDoesNotLeakTheKey() {
    NodeKey key = NodeKey.of(PrivateKey.fromHex(KEY));
    assertThat(key.toString()).doesNotContain(KEY);
  }
}
