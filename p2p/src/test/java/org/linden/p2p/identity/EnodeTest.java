package org.linden.p2p.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.linden.crypto.PrivateKey;

class EnodeTest {
  private static final String PUB = PrivateKey
      .fromHex("b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291")
      .publicKey().bytes().toUnprefixedHex();

  @Test
  void parsesAndPrintsWithSamePorts() {
    Enode e = Enode.parse("enode://" + PUB + "@127.0.0.1:30303");
    assertThat(e.ip().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(e.tcpPort()).isEqualTo(30303);
    assertThat(e.udpPort()).isEqualTo(30303);
    assertThat(e.toString()).isEqualTo("enode://" + PUB + "@127.0.0.1:30303");
    assertThat(e.nodeId().toString())
        .isEqualTo("a448f24c6d18e575453db13171562b71999873db5b286df957af199ec94617f7");
  }

  @Test
  void parsesDiscport() {
    String url = "enode://" + PUB + "@10.0.0.7:30303?discport=30301";
    Enode e = Enode.parse(url);
    assertThat(e.tcpPort()).isEqualTo(30303);
    assertThat(e.udpPort()).isEqualTo(30301);
    assertThat(e.toString()).isEqualTo(url);
  }

  @Test
  void parsesIpv6() {
    Enode e = Enode.parse("enode://" + PUB + "@[::1]:30303");
    assertThat(e.ip().getAddress()).hasSize(16);
    assertThat(Enode.parse(e.toString())).isEqualTo(e);
  }

  @Test
  void rejectsMalformedUrlsWithClearErrors() {
    assertBad("http://" + PUB + "@127.0.0.1:30303", "must start with enode://");
    assertBad("enode://" + PUB + "127.0.0.1:30303", "missing '@'");
    assertBad("enode://" + PUB.substring(2) + "@127.0.0.1:30303", "128 hex characters");
    assertBad("enode://" + "zz" + PUB.substring(2) + "@127.0.0.1:30303", "non-hex");
    assertBad("enode://" + "00".repeat(64) + "@127.0.0.1:30303", "not a public key");
    assertBad("enode://" + PUB + "@127.0.0.1", "missing ':<tcp port>'");
    assertBad("enode://" + PUB + "@example.org:30303", "host names are not accepted");
    assertBad("enode://" + PUB + "@300.0.0.1:30303", "300 > 255");
    assertBad("enode://" + PUB + "@127.0.0.1:70000", "above 65535");
    assertBad("enode://" + PUB + "@127.0.0.1:abc", "not a number");
    assertBad("enode://" + PUB + "@127.0.0.1:30303?discport=x", "discport");
    assertBad("enode://" + PUB + "@127.0.0.1:30303?foo=1", "unknown query parameter");
    assertBad("enode://" + PUB + "@::1:30303", "[address]:port");
  }

  private static void assertBad(String url, String message) {
    assertThatThrownBy(() -> Enode.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid enode URL")
        .hasMessageContaining(message);
  }
}
