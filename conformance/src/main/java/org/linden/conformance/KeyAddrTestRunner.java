package org.linden.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linden.crypto.AddressChecksum;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * ethereum/tests BasicTests/keyaddrtest.json: a top-level array of
 * {@code {seed, key, addr, sig_of_emptystring: {v, r, s}}} ("brain wallet" keys).
 *
 * <p>Checked: {@code key} is keccak256({@code seed}); {@code key} gives the address
 * {@code addr}; our signature of keccak256("") with {@code key} is deterministic (RFC 6979),
 * low-s, verifies, and recovers to {@code addr}; the fixture's {@code v} is 27 or 28, its r
 * and s are in range, and a public key is recoverable from it (s may be high: the vectors
 * predate EIP-2).
 *
 * <p>Not checked: that the fixture's v/r/s equal our signature or recover to {@code addr}.
 * They cannot: the stored (r, s) is not a valid ECDSA signature of keccak256("") under the
 * stored key, as an independent verifier (BouncyCastle's ECDSASigner) confirms, and
 * neither is it one of sha256(""), the zero hash or keccak256(seed). Other clients met the
 * same: Nethermind ignores this check ("the test values seem wrong"), a Haskell client's
 * tests leave it as a FIXME. Holding a correct signer to these values would fail every
 * correct implementation.
 */
public final class KeyAddrTestRunner implements FixtureRunner {
  private static final Hash EMPTY = Keccak.EMPTY_HASH;

  @Override
  public String suite() {
    return "KeyAddrTests";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    if (root == null || !root.isArray() || root.isEmpty()) {
      return false;
    }
    for (JsonNode c : root) {
      if (!c.isObject() || !c.has("seed") || !c.has("key") || !c.has("addr") || !c.has("sig_of_emptystring")) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<CaseResult> run(Path file, JsonNode root, ForkFilter forks) {
    List<CaseResult> results = new ArrayList<>();
    for (JsonNode c : root) {
      results.add(CaseResult.of(c.get("seed").asText(), suite(), null, () -> check(c)));
    }
    return results;
  }

  private static String check(JsonNode c) {
    PrivateKey key = PrivateKey.fromHex(c.get("key").asText());
    Address addr = Address.fromHex(c.get("addr").asText());
    Hash seedHash = Keccak.hash256(c.get("seed").asText().getBytes(StandardCharsets.UTF_8));
    if (!seedHash.bytes().equals(key.bytes())) {
      return "keccak256(seed) is " + seedHash + ", not the key";
    }
    if (!key.address().equals(addr)) {
      return "key gives address " + AddressChecksum.toChecksumHex(key.address()) + ", expected "
          + AddressChecksum.toChecksumHex(addr);
    }
    String own = checkOwnSignature(key, addr);
    return own != null ? own : checkFixtureSignature(c.get("sig_of_emptystring"));
  }

  private static String checkOwnSignature(PrivateKey key, Address addr) {
    Signature sig = Secp256k1.sign(EMPTY, key);
    if (!sig.equals(Secp256k1.sign(EMPTY, key))) {
      return "signing keccak256(\"\") twice gave different signatures";
    }
    if (!sig.isLowS()) {
      return "signature of keccak256(\"\") has a high s";
    }
    if (!Secp256k1.verify(EMPTY, sig, key.publicKey())) {
      return "own signature of keccak256(\"\") does not verify";
    }
    Optional<Address> recovered = Secp256k1.recover(EMPTY, sig).map(PublicKey::address);
    return recovered.equals(Optional.of(addr)) ? null : "own signature recovers to " + recovered + ", expected " + addr;
  }

  private static String checkFixtureSignature(JsonNode sigNode) {
    int v = Integer.parseInt(sigNode.get("v").asText());
    if (v != 27 && v != 28) {
      return "fixture v is " + v + ", expected 27 or 28";
    }
    UInt256 r = decimal(sigNode.get("r").asText());
    UInt256 s = decimal(sigNode.get("s").asText());
    if (!inRange(r) || !inRange(s)) {
      return "fixture r or s is outside 1..n-1";
    }
    Optional<PublicKey> recovered = Secp256k1.recover(EMPTY, new Signature(r, s, v - 27));
    return recovered.isPresent() ? null : "no public key recoverable from the fixture signature";
  }

  private static UInt256 decimal(String digits) {
    BigInteger value = new BigInteger(digits);
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not a 256-bit unsigned number: " + digits);
    }
    return UInt256.fromBigInteger(value);
  }

  private static boolean inRange(UInt256 x) {
    return !x.isZero() && UInt256.compareUnsigned(x, Secp256k1.ORDER) < 0;
  }
}
