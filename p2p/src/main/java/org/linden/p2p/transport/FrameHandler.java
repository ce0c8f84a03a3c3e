package org.linden.p2p.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;
import java.nio.ByteBuffer;
import java.util.List;
import org.linden.p2p.rlpx.MessageCodec;
import org.linden.p2p.rlpx.RawMessage;
import org.linden.p2p.rlpx.RlpxException;

/**
 * The wire layer after the handshake: bytes in, one {@link RawMessage} per frame out, and
 * the reverse. No {@code ByteBuf} passes this handler. Once a frame fails (bad MAC,
 * oversize, malformed) the MAC stream is broken for good, so everything after it is
 * discarded unread.
 */
final class FrameHandler extends ByteToMessageCodec<RawMessage> {
  private final MessageCodec codec;
  private boolean failed;

  FrameHandler(MessageCodec codec) {
    super(RawMessage.class);
    this.codec = codec;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, RawMessage msg, ByteBuf out) {
    out.writeBytes(codec.encode(msg.code(), msg.payload()));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    ByteBuffer view = in.nioBuffer();
    int start = view.position();
    try {
      // One message per call: the connection must see Hello (and turn Snappy on)
      // before the frame after it is decoded.
      RawMessage message = codec.decode(view);
      in.skipBytes(view.position() - start);
      if (message != null) {
        out.add(message);
      }
    } catch (RlpxException e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }
}
