package org.linden.p2p.enr;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.p2p.enr.EnrException.Reason;
import org.linden.p2p.identity.Enode;
import org.linden.p2p.identity.NodeId;
import org.linden.p2p.identity.PublicKeys;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * An Ethereum Node Record (EIP-778): a sequence number and sorted key/value pairs,
 * signed with the "v4" identity scheme. Instances are immutable and always valid: they
 * come either from {@link Builder#sign} or from {@link #decode}, which checks the size,
 * the key order and the signature.
 *
 * <p>Keys are held as strings whose characters are the key's bytes (ISO-8859-1), so any
 * byte key round-trips and string order equals the byte order the spec sorts by. Values
 * are held in their RLP encoding because a value may be any RLP item (a list for "eth",
 * for instance) and the signature covers exactly those bytes.
 */
public final class Enr {
  /** The largest encoded record EIP-778 allows. */
  public static final int MAX_SIZE = 300;
  /** Prefix of the text form. */
  public static final String TEXT_PREFIX = "enr:";

  public static final String ID = "id";
  public static final String SECP256K1 = "secp256k1";
  public static final String IP = "ip";
  public static final String IP6 = "ip6";
  public static final String TCP = "tcp";
  public static final String UDP = "udp";
  public static final String TCP6 = "tcp6";
  public static final String UDP6 = "udp6";

  private static final Bytes V4 = Bytes.wrap("v4".getBytes(StandardCharsets.US_ASCII));

  private final long seq;
  private final SortedMap<String, Bytes> pairs;
  private final Bytes signature;
  private final Bytes encoded;
  private final PublicKey publicKey;

  private Enr(long seq, SortedMap<String, Bytes> pairs, Bytes signature, Bytes encoded, PublicKey publicKey) {
    this.seq = seq;
    this.pairs = Collections.unmodifiableSortedMap(pairs);
    this.signature = signature;
    this.encoded = encoded;
    this.publicKey = publicKey;
  }

  /** A builder for a new record; {@link Builder#sign} adds "id" and "secp256k1". */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Decodes and verifies a record in its RLP form.
   *
   * @throws EnrException if the record is too large, malformed, unsorted, of an unknown
   *     identity scheme or wrongly signed
   */
  public static Enr decode(Bytes rlp) {
    if (rlp.size() > MAX_SIZE) {
      throw new EnrException(Reason.TOO_LARGE, "node record of " + rlp.size() + " bytes exceeds " + MAX_SIZE);
    }
    Bytes signature;
    long seq;
    TreeMap<String, Bytes> pairs = new TreeMap<>();
    try {
      RlpReader outer = RlpReader.of(rlp);
      RlpReader list = outer.readList();
      outer.ensureDone();
      signature = list.readBytes();
      seq = list.readUnsignedLong();
      String previous = null;
      while (!list.isDone()) {
        String key = keyOf(list.readBytes());
        if (list.isDone()) {
          throw new EnrException(Reason.MALFORMED, "node record key '" + key + "' has no value");
        }
        Bytes value = list.readRaw();
        if (previous != null && key.compareTo(previous) <= 0) {
          throw new EnrException(Reason.UNSORTED_KEYS,
              "node record key '" + key + "' is not after '" + previous + "' (keys must be sorted and unique)");
        }
        pairs.put(key, value);
        previous = key;
      }
    } catch (RlpException e) {
      throw new EnrException(Reason.MALFORMED, "node record is not valid RLP: " + e.getMessage(), e);
    }
    PublicKey key = verifyV4(seq, pairs, signature);
    return new Enr(seq, pairs, signature, rlp, key);
  }

  /** Decodes and verifies the text form {@code enr:<base64url>}. */
  public static Enr fromText(String text) {
    if (text == null || !text.startsWith(TEXT_PREFIX)) {
      throw new EnrException(Reason.MALFORMED, "node record text must start with '" + TEXT_PREFIX + "'");
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(text.substring(TEXT_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new EnrException(Reason.MALFORMED, "node record text is not URL-safe base64: " + e.getMessage(), e);
    }
    return decode(Bytes.wrap(raw));
  }

  private static PublicKey verifyV4(long seq, SortedMap<String, Bytes> pairs, Bytes signature) {
    Bytes id = pairs.get(ID);
    if (id == null) {
      throw new EnrException(Reason.UNKNOWN_SCHEME, "node record has no \"id\" key");
    }
    Bytes scheme = stringValue(ID, id);
    if (!scheme.equals(V4)) {
      throw new EnrException(Reason.UNKNOWN_SCHEME,
          "node record uses identity scheme '" + keyOf(scheme) + "', only \"v4\" is supported");
    }
    Bytes compressed = pairs.get(SECP256K1);
    if (compressed == null) {
      throw new EnrException(Reason.BAD_PUBLIC_KEY, "v4 node record has no \"secp256k1\" key");
    }
    PublicKey key;
    try {
      key = PublicKeys.decompress(stringValue(SECP256K1, compressed));
    } catch (IllegalArgumentException e) {
      throw new EnrException(Reason.BAD_PUBLIC_KEY, "node record \"secp256k1\" value: " + e.getMessage(), e);
    }
    if (signature.size() != 64) {
      throw new EnrException(Reason.BAD_SIGNATURE, "v4 signature must be 64 bytes, got " + signature.size());
    }
    Signature sig = new Signature(
        UInt256.fromBytes(signature.slice(0, 32)), UInt256.fromBytes(signature.slice(32, 32)), 0);
    if (!Secp256k1.verify(contentHash(seq, pairs), sig, key)) {
      throw new EnrException(Reason.BAD_SIGNATURE, "node record signature does not match its \"secp256k1\" key");
    }
    return key;
  }

  /** keccak256(rlp([seq, k, v, ...])): what the "v4" scheme signs. */
  private static Hash contentHash(long seq, SortedMap<String, Bytes> pairs) {
    RlpWriter w = new RlpWriter().startList().writeUnsignedLong(seq);
    writePairs(w, pairs);
    return Keccak.hash256(w.endList().toBytes());
  }

  private static void writePairs(RlpWriter w, SortedMap<String, Bytes> pairs) {
    for (Map.Entry<String, Bytes> e : pairs.entrySet()) {
      w.writeBytes(e.getKey().getBytes(StandardCharsets.ISO_8859_1));
      w.writeRaw(e.getValue());
    }
  }

  private static String keyOf(Bytes b) {
    return new String(b.unsafeArray(), StandardCharsets.ISO_8859_1);
  }

  /** Decodes a value that must be an RLP string. */
  private static Bytes stringValue(String key, Bytes raw) {
    try {
      RlpReader r = RlpReader.of(raw);
      Bytes v = r.readBytes();
      r.ensureDone();
      return v;
    } catch (RlpException e) {
      throw new EnrException(Reason.BAD_VALUE, "node record \"" + key + "\" is not a byte string", e);
    }
  }

  public long seq() {
    return seq;
  }

  /** All pairs, sorted by key, with values in their RLP encoding. */
  public SortedMap<String, Bytes> pairs() {
    return pairs;
  }

  /** The RLP-encoded value of {@code key}, if present. */
  public Optional<Bytes> rawValue(String key) {
    return Optional.ofNullable(pairs.get(key));
  }

  /** The 64-byte r‖s signature. */
  public Bytes signature() {
    return signature;
  }

  /** The record in its canonical RLP form. */
  public Bytes encoded() {
    return encoded;
  }

  /** The record's public key, from its "secp256k1" pair. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** keccak256 of the uncompressed public key, per the "v4" scheme. */
  public NodeId nodeId() {
    return NodeId.of(publicKey);
  }

  public Optional<InetAddress> ip() {
    return address(IP, 4);
  }

  public Optional<InetAddress> ip6() {
    return address(IP6, 16);
  }

  public OptionalInt tcp() {
    return port(TCP);
  }

  public OptionalInt udp() {
    return port(UDP);
  }

  /** The IPv6 TCP port; per EIP-778 "tcp" applies when it is absent. */
  public OptionalInt tcp6() {
    OptionalInt p = port(TCP6);
    return p.isPresent() ? p : tcp();
  }

  /** The IPv6 UDP port; per EIP-778 "udp" applies when it is absent. */
  public OptionalInt udp6() {
    OptionalInt p = port(UDP6);
    return p.isPresent() ? p : udp();
  }

  private Optional<InetAddress> address(String key, int size) {
    Bytes raw = pairs.get(key);
    if (raw == null) {
      return Optional.empty();
    }
    Bytes b = stringValue(key, raw);
    if (b.size() != size) {
      throw new EnrException(Reason.BAD_VALUE, "node record \"" + key + "\" must be " + size + " bytes, got " + b.size());
    }
    try {
      return Optional.of(InetAddress.getByAddress(b.toArray()));
    } catch (UnknownHostException e) {
      throw new EnrException(Reason.BAD_VALUE, "node record \"" + key + "\" is not an address", e);
    }
  }

  private OptionalInt port(String key) {
    Bytes raw = pairs.get(key);
    if (raw == null) {
      return OptionalInt.empty();
    }
    try {
      RlpReader r = RlpReader.of(raw);
      long v = r.readUnsignedLong();
      r.ensureDone();
      if (v < 0 || v > 65535) {
        throw new EnrException(Reason.BAD_VALUE, "node record \"" + key + "\" port " + v + " is above 65535");
      }
      return OptionalInt.of((int) v);
    } catch (RlpException e) {
      throw new EnrException(Reason.BAD_VALUE, "node record \"" + key + "\" is not a port number", e);
    }
  }

  /**
   * The enode URL of this record: its IPv4 address if it has one, else its IPv6 one,
   * with the matching ports (TCP 0 if the node takes no connections). Empty if the
   * record has no address.
   */
  public Optional<Enode> toEnode() {
    Optional<InetAddress> v4 = ip();
    if (v4.isPresent()) {
      int tcp = tcp().orElse(0);
      return Optional.of(new Enode(publicKey, v4.get(), tcp, udp().orElse(tcp)));
    }
    Optional<InetAddress> v6 = ip6();
    if (v6.isPresent()) {
      int tcp = tcp6().orElse(0);
      return Optional.of(new Enode(publicKey, v6.get(), tcp, udp6().orElse(tcp)));
    }
    return Optional.empty();
  }

  /** The text form: {@code enr:} and the URL-safe base64 of the RLP, without padding. */
  public String toText() {
    return TEXT_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(encoded.unsafeArray());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Enr e && encoded.equals(e.encoded);
  }

  @Override
  public int hashCode() {
    return encoded.hashCode();
  }

  @Override
  public String toString() {
    return toText();
  }

  /**
   * Collects the pairs of a new record. Values given as bytes or numbers are RLP-encoded
   * here; {@link #setRaw} takes an already encoded item (a list, for instance).
   */
  public static final class Builder {
    private long seq = 1;
    private final TreeMap<String, Bytes> pairs = new TreeMap<>();

    private Builder() {}

    /** The sequence number; callers bump it whenever the content changes. */
    public Builder seq(long seq) {
      this.seq = seq;
      return this;
    }

    /** Sets a pair to an RLP-encoded value. */
    public Builder setRaw(String key, Bytes encodedValue) {
      pairs.put(key, encodedValue);
      return this;
    }

    /** Sets a pair to a byte string. */
    public Builder set(String key, Bytes value) {
      return setRaw(key, RlpWriter.encodeBytes(value));
    }

    /** Sets a pair to an integer. */
    public Builder set(String key, long value) {
      return setRaw(key, new RlpWriter().writeUnsignedLong(value).toBytes());
    }

    /** Sets "ip" for an IPv4 address or "ip6" for an IPv6 one. */
    public Builder ip(InetAddress address) {
      if (address instanceof Inet4Address) {
        return set(IP, Bytes.wrap(address.getAddress()));
      }
      if (address instanceof Inet6Address) {
        return set(IP6, Bytes.wrap(address.getAddress()));
      }
      throw new IllegalArgumentException("not an IP address: " + address);
    }

    public Builder tcp(int port) {
      return set(TCP, checkPort(port));
    }

    public Builder udp(int port) {
      return set(UDP, checkPort(port));
    }

    public Builder tcp6(int port) {
      return set(TCP6, checkPort(port));
    }

    public Builder udp6(int port) {
      return set(UDP6, checkPort(port));
    }

    private static int checkPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is outside 0..65535");
      }
      return port;
    }

    /**
     * Adds "id" = "v4" and the key's "secp256k1" pair, then signs.
     *
     * @throws EnrException with {@link Reason#TOO_LARGE} if the record exceeds 300 bytes
     */
    public Enr sign(PrivateKey key) {
      PublicKey pub = key.publicKey();
      TreeMap<String, Bytes> all = new TreeMap<>(pairs);
      all.put(ID, RlpWriter.encodeBytes(V4));
      all.put(SECP256K1, RlpWriter.encodeBytes(PublicKeys.compress(pub)));
      Signature sig = Secp256k1.sign(contentHash(seq, all), key);
      Bytes signature = Bytes.concat(sig.r().toBytes32(), sig.s().toBytes32());
      RlpWriter w = new RlpWriter().startList().writeBytes(signature).writeUnsignedLong(seq);
      writePairs(w, all);
      Bytes encoded = w.endList().toBytes();
      if (encoded.size() > MAX_SIZE) {
        throw new EnrException(Reason.TOO_LARGE, "node record of " + encoded.size() + " bytes exceeds " + MAX_SIZE);
      }
      return new Enr(seq, all, signature, encoded, pub);
    }
  }
}
