package org.linden.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.linden.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

class EciesTest {
  private final SecureRandom random = new SecureRandom();
  private final PrivateKey key = PrivateKey.random();

  @Test
  void roundTripsWithMacData() {
    byte[] plain = "a secret message".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = Ecies.encrypt(key.publicKey(), plain, new byte[] {1, 2}, random);
    assertThat(sealed).hasSize(plain.length + Ecies.OVERHEAD);
    assertThat(Ecies.decrypt(key, sealed, new byte[] {1, 2})).isEqualTo(plain);
  }

  @Test
  void rejectsTamperingAndWrongMacData() {
    byte[] sealed = Ecies.encrypt(key.publicKey(), new byte[40], new byte[0], random);
    assertThatThrownBy(() -> Ecies.decrypt(key, sealed, new byte[] {0}))
        .isInstanceOfSatisfying(RlpxException.class, e -> assertThat(e.reason()).isEqualTo(RlpxException.Reason.ECIES_AUTH_FAILED));
    sealed[90] ^= 1;
    assertThatThrownBy(() -> Ecies.decrypt(key, sealed, new byte[0]))
        .isInstanceOfSatisfying(RlpxException.class, e -> assertThat(e.reason()).isEqualTo(RlpxException.Reason.ECIES_AUTH_FAILED));
  }

  @Test
  void rejectsWrongKeyAndShortInput() {
    byte[] sealed = Ecies.encrypt(key.publicKey(), new byte[8], new byte[0], random);
    assertThatThrownBy(() -> Ecies.decrypt(PrivateKey.random(), sealed, new byte[0])).isInstanceOf(RlpxException.class);
    assertThatThrownBy(() -> Ecies.decrypt(key, new byte[50], new byte[0])).isInstanceOf(RlpxException.class);
  }

  @Test
  void decryptsTheEip8LegacyAuthToItsFixedSize() {
    // The legacy auth vector is a bare ECIES message to B with no MAC data.
    byte[] body = Ecies.decrypt(Eip8Vectors.STATIC_B, Eip8Vectors.AUTH_1, new byte[0]);
    assertThat(body).hasSize(AuthMessage.LEGACY_BODY_SIZE);
  }

  @Test
  void ecdhIsSymmetricAndIsTheRawX() {
    PrivateKey other = PrivateKey.random();
    assertThat(Ecdh.agree(key, other.publicKey())).isEqualTo(Ecdh.agree(other, key.publicKey()));
    // With the scalar 1 the shared point is the peer's own key, so the x must be its first half.
    PrivateKey one = PrivateKey.fromHex("0000000000000000000000000000000000000000000000000000000000000001");
    assertThat(Ecdh.agree(one, key.publicKey())).isEqualTo(key.publicKey().bytes().slice(0, 32).toArray());
  }
}
