/**
 * RLPx, the encrypted transport of devp2p, without sockets: the caller moves bytes, this
 * package turns them into session secrets, frames and messages.
 *
 * <p>Flow on a dialled connection: {@link org.linden.p2p.rlpx.Initiator#authPacket()} is
 * sent; {@link org.linden.p2p.rlpx.HandshakeReader#forAck} cuts the reply out of the
 * stream; {@link org.linden.p2p.rlpx.Initiator#readAck} yields
 * {@link org.linden.p2p.rlpx.Secrets}. An accepted connection mirrors this with
 * {@link org.linden.p2p.rlpx.Recipient}. The secrets build a
 * {@link org.linden.p2p.rlpx.FrameCodec}, wrapped by a
 * {@link org.linden.p2p.rlpx.MessageCodec}; both sides send
 * {@link org.linden.p2p.rlpx.Hello}, check that its node id is the handshake's remote id,
 * turn on Snappy if {@link org.linden.p2p.rlpx.Hello#snappyBetween} says so, and map
 * message ids with {@link org.linden.p2p.rlpx.Capabilities#negotiate}.
 *
 * <p>Every way a peer can send bad bytes ends in an
 * {@link org.linden.p2p.rlpx.RlpxException} with a typed reason; the caller drops the peer.
 * Specifications: devp2p {@code rlpx.md}, EIP-8.
 */
package org.linden.p2p.rlpx;
