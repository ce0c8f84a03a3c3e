package org.linden.crypto.hd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * A BIP-32 extended private key on secp256k1: a private key, a chain code, and where it sits
 * in the tree (depth, parent fingerprint, child number). Derivation is private-to-private;
 * the curve arithmetic runs on the native libsecp256k1.
 *
 * <p>Typical use: {@code HdKey.fromSeed(Mnemonic.toSeed(words, "")).derive("m/44'/60'/0'/0/0").privateKey()}.
 */
public final class HdKey {
  private static final byte[] MASTER_HMAC_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);
  private static final int XPRV_VERSION = 0x0488ADE4;
  private static final int XPUB_VERSION = 0x0488B21E;
  private static final fr.acinq.secp256k1.Secp256k1 NATIVE = org.linden.crypto.NativeSecp256k1.get();

  private final PrivateKey key;
  private final Bytes chainCode;
  private final int depth;
  private final int parentFingerprint;
  private final int childNumber;

  private HdKey(PrivateKey key, Bytes chainCode, int depth, int parentFingerprint, int childNumber) {
    this.key = key;
    this.chainCode = chainCode;
    this.depth = depth;
    this.parentFingerprint = parentFingerprint;
    this.childNumber = childNumber;
  }

  /**
   * The master key of a seed (16 to 64 bytes; a BIP-39 seed is 64): HMAC-SHA512 keyed with
   * "Bitcoin seed", left half the key, right half the chain code.
   */
  public static HdKey fromSeed(Bytes seed) {
    if (seed.size() < 16 || seed.size() > 64) {
      throw new IllegalArgumentException("a BIP-32 seed is 16 to 64 bytes, got " + seed.size());
    }
    byte[] i = hmacSha512(MASTER_HMAC_KEY, seed.unsafeArray());
    try {
      byte[] il = Arrays.copyOfRange(i, 0, 32);
      if (!belowOrder(il) || isZero(il)) {
        // Probability below 2^-127; BIP-32 declares such a seed unusable.
        throw new IllegalArgumentException("seed gives an invalid BIP-32 master key; use another seed");
      }
      return new HdKey(PrivateKey.of(Bytes.wrap(il)), Bytes.copyOf(i, 32, 32), 0, 0, 0);
    } finally {
      Arrays.fill(i, (byte) 0);
    }
  }

  /**
   * Derives along a path given from the master key, e.g. {@code m/44'/60'/0'/0/0}.
   *
   * @throws IllegalArgumentException if the path does not parse
   * @throws IllegalStateException if this is not a master key, as {@code m} names the master
   */
  public HdKey derive(String path) {
    return derive(HdPath.parse(path));
  }

  /** Derives along {@code path}; this must be the master key. */
  public HdKey derive(HdPath path) {
    if (depth != 0) {
      throw new IllegalStateException("path " + path + " starts at the master key, but this key is at depth "
          + depth + "; derive from the master, or step down with child()");
    }
    HdKey k = this;
    for (int index : path.indices()) {
      k = k.child(index);
    }
    return k;
  }

  /**
   * The child at {@code index} (CKDpriv): hardened if bit 31 is set, from the private key;
   * otherwise from the compressed public key, so that an extended public key could derive
   * the same child's public key.
   */
  public HdKey child(int index) {
    if (depth == HdPath.MAX_DEPTH) {
      throw new IllegalStateException("a BIP-32 key has at most " + HdPath.MAX_DEPTH + " levels");
    }
    ByteBuffer data = ByteBuffer.allocate(37);
    if (HdPath.isHardened(index)) {
      data.put((byte) 0).put(key.bytes().unsafeArray());
    } else {
      data.put(compressedPublicKey().unsafeArray());
    }
    data.putInt(index);
    byte[] i = hmacSha512(chainCode.unsafeArray(), data.array());
    try {
      byte[] il = Arrays.copyOfRange(i, 0, 32);
      if (!belowOrder(il)) {
        throw invalidChild(index);
      }
      byte[] childKey;
      try {
        childKey = NATIVE.privKeyTweakAdd(key.bytes().toArray(), il);
      } catch (RuntimeException e) {
        // The sum is zero mod n: as unlikely as the case above and handled the same way.
        throw invalidChild(index);
      }
      return new HdKey(PrivateKey.of(Bytes.wrap(childKey)), Bytes.copyOf(i, 32, 32), depth + 1,
          fingerprint(), index);
    } finally {
      Arrays.fill(i, (byte) 0);
      Arrays.fill(data.array(), (byte) 0);
    }
  }

  // BIP-32 would skip to index + 1; we refuse instead, so that a key never silently sits at
  // another index than the one asked for. The odds are about 2^-127 per derivation.
  private static IllegalStateException invalidChild(int index) {
    return new IllegalStateException("BIP-32 child " + HdPath.format(index)
        + " is not a valid key (probability ~2^-127); use the next index");
  }

  /** The secp256k1 private key. */
  public PrivateKey privateKey() {
    return key;
  }

  /** The 32-byte chain code. */
  public Bytes chainCode() {
    return chainCode;
  }

  /** Levels below the master key (0 for the master). */
  public int depth() {
    return depth;
  }

  /** The index this key was derived at (0 for the master). */
  public int childNumber() {
    return childNumber;
  }

  /** The first four bytes of the parent's key identifier (0 for the master). */
  public int parentFingerprint() {
    return parentFingerprint;
  }

  /** The 33-byte SEC1 compressed public key. */
  public Bytes compressedPublicKey() {
    byte[] uncompressed = NATIVE.pubkeyCreate(key.bytes().unsafeArray());
    return Bytes.wrap(NATIVE.pubKeyCompress(uncompressed));
  }

  /** The first four bytes of HASH160(compressed public key), as children record it. */
  public int fingerprint() {
    byte[] sha = Base58Check.sha256(compressedPublicKey().unsafeArray());
    RIPEMD160Digest ripemd = new RIPEMD160Digest();
    ripemd.update(sha, 0, sha.length);
    byte[] id = new byte[20];
    ripemd.doFinal(id, 0);
    return ByteBuffer.wrap(id).getInt();
  }

  /** The Base58Check {@code xprv...} serialisation (mainnet version bytes). Secret. */
  public String toExtendedPrivateKey() {
    return serialize(XPRV_VERSION, Bytes.concat(Bytes.of((byte) 0), key.bytes()));
  }

  /** The Base58Check {@code xpub...} serialisation (mainnet version bytes). */
  public String toExtendedPublicKey() {
    return serialize(XPUB_VERSION, compressedPublicKey());
  }

  private String serialize(int version, Bytes keyData) {
    ByteBuffer b = ByteBuffer.allocate(78);
    b.putInt(version).put((byte) depth).putInt(parentFingerprint).putInt(childNumber);
    b.put(chainCode.unsafeArray()).put(keyData.unsafeArray());
    return Base58Check.encode(b.array());
  }

  /** Never prints the key or chain code. */
  @Override
  public String toString() {
    return "HdKey[depth " + depth + ", child " + HdPath.format(childNumber) + ", " + key + "]";
  }

  private static byte[] hmacSha512(byte[] key, byte[] data) {
    HMac mac = new HMac(new SHA512Digest());
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[64];
    mac.doFinal(out, 0);
    return out;
  }

  private static boolean belowOrder(byte[] v) {
    return UInt256.compareUnsigned(UInt256.fromBytes(v, 0, 32), Secp256k1.ORDER) < 0;
  }

  private static boolean isZero(byte[] v) {
    for (byte b : v) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
