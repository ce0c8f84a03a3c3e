package org.linden.p2p.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the bytes that cross the socket, first in the pipeline so it sees them raw. */
final class ByteCounter extends ChannelDuplexHandler {
  final AtomicLong in = new AtomicLong();
  final AtomicLong out = new AtomicLong();

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf b) {
      in.addAndGet(b.readableBytes());
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf b) {
      out.addAndGet(b.readableBytes());
    }
    ctx.write(msg, promise);
  }
}
