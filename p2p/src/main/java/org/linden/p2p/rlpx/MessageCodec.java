package org.linden.p2p.rlpx;

import java.nio.ByteBuffer;
import org.linden.p2p.rlpx.RlpxException.Reason;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;

/**
 * Messages over frames: each frame holds rlp(message-id) ‖ payload, one message per
 * frame, the payload Snappy-compressed once both Hellos say version 5 or later.
 */
public final class MessageCodec {
  /** Largest uncompressed payload accepted, the same bound as a frame. */
  public static final int MAX_PAYLOAD_SIZE = FrameCodec.MAX_FRAME_SIZE;

  private final FrameCodec frames;
  private final int maxPayloadSize;
  private boolean snappy;

  /** A codec accepting payloads up to {@link #MAX_PAYLOAD_SIZE}. */
  public MessageCodec(FrameCodec frames) {
    this(frames, MAX_PAYLOAD_SIZE);
  }

  /**
   * A codec that rejects payloads whose uncompressed size exceeds {@code maxPayloadSize};
   * the frame codec should bound compressed frames by {@link #maxFrameSizeFor}.
   */
  public MessageCodec(FrameCodec frames, int maxPayloadSize) {
    if (maxPayloadSize <= 0 || maxPayloadSize > MAX_PAYLOAD_SIZE) {
      throw new IllegalArgumentException("max payload size must be in 1.." + MAX_PAYLOAD_SIZE);
    }
    this.frames = frames;
    this.maxPayloadSize = maxPayloadSize;
  }

  /**
   * The largest frame that can carry a message id and a payload of {@code maxPayloadSize}
   * bytes, compressed or not: Snappy may grow incompressible input by up to a sixth.
   */
  public static int maxFrameSizeFor(int maxPayloadSize) {
    long bound = 9L + 32 + maxPayloadSize + maxPayloadSize / 6L;
    return (int) Math.min(FrameCodec.MAX_FRAME_SIZE, bound);
  }

  /** Turns on compression for every message from now on; call after the Hello exchange. */
  public void enableSnappy() {
    snappy = true;
  }

  public boolean snappyEnabled() {
    return snappy;
  }

  /** Frames and encrypts one base-protocol message. */
  public byte[] encode(P2pMessage message) {
    return encode(message.code(), message.encode());
  }

  /** Frames and encrypts one message given its wire id and RLP payload. */
  public byte[] encode(int code, byte[] payload) {
    byte[] id = new RlpWriter().writeLong(code).toBytes().toArray();
    byte[] body = snappy ? Snappy.compress(payload) : payload;
    byte[] frame = new byte[id.length + body.length];
    System.arraycopy(id, 0, frame, 0, id.length);
    System.arraycopy(body, 0, frame, id.length, body.length);
    return frames.encode(frame);
  }

  /** The next message in {@code in}, or null if more bytes are needed. */
  public RawMessage decode(ByteBuffer in) {
    byte[] frame = frames.decode(in);
    if (frame == null) {
      return null;
    }
    int code;
    int idLength;
    try {
      RlpReader reader = RlpReader.of(frame);
      code = reader.readInt();
      idLength = reader.position();
    } catch (RlpException e) {
      throw new RlpxException(Reason.MALFORMED_MESSAGE, "bad message id", e);
    }
    byte[] body = java.util.Arrays.copyOfRange(frame, idLength, frame.length);
    byte[] payload = snappy ? decompress(code, body) : body;
    if (payload.length > maxPayloadSize) {
      throw new RlpxException(Reason.FRAME_TOO_LARGE, "message of " + payload.length + " bytes exceeds " + maxPayloadSize);
    }
    return new RawMessage(code, payload);
  }

  /**
   * Some clients (ethereumjs among them) send Disconnect uncompressed even with Snappy
   * on. It is the last message of the connection, so when it does not decompress its
   * reason is read from the bytes as they came rather than treating it as a breach.
   */
  private byte[] decompress(int code, byte[] body) {
    try {
      return Snappy.decompress(body, maxPayloadSize);
    } catch (RlpxException e) {
      if (code == P2pMessage.DISCONNECT && e.reason() == Reason.MALFORMED_MESSAGE) {
        return body;
      }
      throw e;
    }
  }
}
