package org.linden.p2p.rlpx;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.linden.p2p.rlpx.RlpxException.Reason;
import org.linden.rlp.RlpWriter;

/**
 * RLPx framing over the secrets of a completed handshake. A frame is
 * header-ciphertext ‖ header-mac ‖ frame-ciphertext ‖ frame-mac, where the 16-byte header
 * holds the 3-byte frame size and rlp [capability-id, context-id], zero-padded, and the
 * body is zero-padded to 16 bytes. Both directions share one AES-256-CTR key but keep
 * separate streams; each MAC is a running keccak state mixed with an AES-ECB step.
 *
 * <p>Not thread-safe: one codec per connection, one writer and one reader at a time.
 */
public final class FrameCodec {
  /** The largest frame the 3-byte size field can describe. */
  public static final int MAX_FRAME_SIZE = 0xFFFFFF;
  private static final int HEADER_SIZE = 16;
  private static final int MAC_SIZE = 16;
  private static final byte[] ZERO_HEADER_DATA = new RlpWriter().startList().writeLong(0).writeLong(0).endList().toBytes().toArray();

  private final Cipher encryptor;
  private final Cipher decryptor;
  private final Cipher macCipher;
  private final MacState egressMac;
  private final MacState ingressMac;
  private final int maxFrameSize;
  /** Size of the frame whose header has been read and whose body is awaited, or -1. */
  private int pendingSize = -1;

  /** A codec accepting frames up to {@link #MAX_FRAME_SIZE}. */
  public FrameCodec(Secrets secrets) {
    this(secrets, MAX_FRAME_SIZE);
  }

  /** A codec that rejects incoming frames larger than {@code maxFrameSize} bytes. */
  public FrameCodec(Secrets secrets, int maxFrameSize) {
    if (maxFrameSize <= 0 || maxFrameSize > MAX_FRAME_SIZE) {
      throw new IllegalArgumentException("max frame size must be in 1.." + MAX_FRAME_SIZE);
    }
    this.encryptor = ctr(secrets.aesSecret());
    this.decryptor = ctr(secrets.aesSecret());
    this.macCipher = ecb(secrets.macSecret());
    this.egressMac = secrets.egressMac();
    this.ingressMac = secrets.ingressMac();
    this.maxFrameSize = maxFrameSize;
  }

  /** Encrypts one frame with header-data rlp [0, 0]. */
  public byte[] encode(byte[] frameData) {
    return encode(frameData, ZERO_HEADER_DATA);
  }

  /** Encrypts one frame whose header carries a capability id and a context id. */
  public byte[] encode(byte[] frameData, int capabilityId, int contextId) {
    byte[] headerData = new RlpWriter().startList().writeLong(capabilityId).writeLong(contextId).endList().toBytes().toArray();
    return encode(frameData, headerData);
  }

  private byte[] encode(byte[] frameData, byte[] headerData) {
    int size = frameData.length;
    if (size > MAX_FRAME_SIZE) {
      throw new IllegalArgumentException("frame of " + size + " bytes exceeds " + MAX_FRAME_SIZE);
    }
    if (headerData.length > HEADER_SIZE - 3) {
      throw new IllegalArgumentException("header data does not fit in a header");
    }
    byte[] header = new byte[HEADER_SIZE];
    header[0] = (byte) (size >>> 16);
    header[1] = (byte) (size >>> 8);
    header[2] = (byte) size;
    System.arraycopy(headerData, 0, header, 3, headerData.length);
    byte[] headerCiphertext = crypt(encryptor, header);
    byte[] headerMac = headerMac(egressMac, headerCiphertext);

    byte[] body = crypt(encryptor, Arrays.copyOf(frameData, padded(size)));
    byte[] frameMac = frameMac(egressMac, body);

    ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + MAC_SIZE + body.length + MAC_SIZE);
    return out.put(headerCiphertext).put(headerMac).put(body).put(frameMac).array();
  }

  /**
   * Reads the next frame from {@code in}, returning its data, or null if more bytes are
   * needed; bytes of a complete header or frame are consumed, the rest are left in place.
   * A MAC mismatch or an oversized frame is an {@link RlpxException}, after which the
   * connection cannot continue.
   */
  public byte[] decode(ByteBuffer in) {
    if (pendingSize < 0) {
      if (in.remaining() < HEADER_SIZE + MAC_SIZE) {
        return null;
      }
      byte[] headerCiphertext = new byte[HEADER_SIZE];
      byte[] mac = new byte[MAC_SIZE];
      in.get(headerCiphertext).get(mac);
      if (!MessageDigest.isEqual(mac, headerMac(ingressMac, headerCiphertext))) {
        throw new RlpxException(Reason.BAD_HEADER_MAC, "frame header MAC mismatch");
      }
      byte[] header = crypt(decryptor, headerCiphertext);
      int size = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
      if (size > maxFrameSize) {
        throw new RlpxException(Reason.FRAME_TOO_LARGE, "frame of " + size + " bytes exceeds " + maxFrameSize);
      }
      // header-data is not interpreted: EIP-8 asks us to accept whatever it holds.
      pendingSize = size;
    }
    int bodySize = padded(pendingSize);
    if (in.remaining() < bodySize + MAC_SIZE) {
      return null;
    }
    byte[] body = new byte[bodySize];
    byte[] mac = new byte[MAC_SIZE];
    in.get(body).get(mac);
    if (!MessageDigest.isEqual(mac, frameMac(ingressMac, body))) {
      throw new RlpxException(Reason.BAD_FRAME_MAC, "frame MAC mismatch");
    }
    byte[] plain = crypt(decryptor, body);
    byte[] data = Arrays.copyOf(plain, pendingSize);
    pendingSize = -1;
    return data;
  }

  private byte[] headerMac(MacState mac, byte[] headerCiphertext) {
    return updateMac(mac, mac.digest(), headerCiphertext);
  }

  private byte[] frameMac(MacState mac, byte[] frameCiphertext) {
    mac.update(frameCiphertext);
    byte[] seed = mac.digest();
    return updateMac(mac, seed, seed);
  }

  /** mac.update(aes-ecb(mac-secret, digest[:16]) ^ seed[:16]); returns the new digest[:16]. */
  private byte[] updateMac(MacState mac, byte[] digest, byte[] seed) {
    byte[] mixed = macCipher.update(digest, 0, 16);
    for (int i = 0; i < 16; i++) {
      mixed[i] ^= seed[i];
    }
    mac.update(mixed);
    return Arrays.copyOf(mac.digest(), MAC_SIZE);
  }

  /** Runs the CTR stream over {@code data}; JCA returns null rather than nothing for empty input. */
  private static byte[] crypt(Cipher stream, byte[] data) {
    if (data.length == 0) {
      return data;
    }
    return stream.update(data);
  }

  private static int padded(int size) {
    return (size + 15) & ~15;
  }

  private static Cipher ctr(byte[] key) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR unavailable", e);
    }
  }

  private static Cipher ecb(byte[] key) {
    try {
      Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-ECB unavailable", e);
    }
  }
}
