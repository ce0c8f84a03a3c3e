package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The peer-to-peer flags: good values become settings, bad ones a usage error naming the flag. */
class NetworkOptionsTest {
  private static final String ENODE = "enode://" + "6f8a80d14311c39f35f516fa664deaaaa13e85b2f7493f37f6144d86991ec012937307647bd3b9a82abe2974e1407241d54947bbb39763a4cac9f77166ad92a0"
      + "@127.0.0.1:30303";

  private static NetworkOptions parse(String... args) {
    NetworkOptions o = new NetworkOptions();
    new CommandLine(o).parseArgs(args);
    return o;
  }

  @Test
  void defaultsAndGoodValues() {
    var defaults = parse().settings();
    assertThat(defaults.port()).isEqualTo(30303);
    assertThat(defaults.maxPeers()).isEqualTo(25);
    assertThat(defaults.discovery()).isTrue();
    var s = parse("--p2p.port", "0", "--nodiscover", "--maxpeers", "3", "--bootnodes", ENODE).settings();
    assertThat(s.bootnodes()).hasSize(1);
    assertThat(s.discovery()).isFalse();
    assertThat(parse("--maxpeers", "0").settings().enabled()).isFalse();
  }

  @Test
  void badValuesNameTheFlag(@TempDir Path tmp) {
    assertThatThrownBy(() -> parse("--bootnodes", "enode://1234@127.0.0.1:1").settings())
        .isInstanceOf(UsageError.class).hasMessageContaining("--bootnodes");
    assertThatThrownBy(() -> parse("--bootnodes", "http://127.0.0.1:30303").settings())
        .isInstanceOf(UsageError.class).hasMessageContaining("--bootnodes");
    assertThatThrownBy(() -> parse("--p2p.port", "70000").settings())
        .isInstanceOf(UsageError.class).hasMessageContaining("--p2p.port");
    assertThatThrownBy(() -> parse("--discovery.port", "-5").settings())
        .isInstanceOf(UsageError.class).hasMessageContaining("--discovery.port");
    assertThatThrownBy(() -> parse("--maxpeers", "-1").settings())
        .isInstanceOf(UsageError.class).hasMessageContaining("--maxpeers");
    assertThatThrownBy(() -> parse("--nodekey", tmp.resolve("missing").toString()).settings())
        .isInstanceOf(UsageError.class).hasMessageContaining("--nodekey");
    assertThatThrownBy(() -> parse("--p2p.addr", " ").settings())
        .isInstanceOf(UsageError.class).hasMessageContaining("--p2p.addr");
  }
}
