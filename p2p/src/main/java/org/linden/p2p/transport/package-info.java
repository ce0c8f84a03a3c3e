/**
 * RLPx over TCP on Netty, and the peers it yields.
 *
 * <p>A connection's pipeline is {@code ByteCounter → HandshakeHandler → PeerConnection};
 * once the handshake is done the handshake handler replaces itself with a
 * {@code FrameHandler}, the last place a {@code ByteBuf} is seen: past it travel
 * {@link org.linden.p2p.rlpx.RawMessage}s. {@code PeerConnection} exchanges Hello, asks
 * the {@link org.linden.p2p.transport.PeerManager} for a slot, answers Pings and hands
 * sub-protocol messages to their {@link org.linden.p2p.transport.ProtocolHandler} with
 * codes relative to the protocol.
 *
 * <p>A sub-protocol plugs in as a {@link org.linden.p2p.transport.Protocol}:
 *
 * <pre>{@code
 * ProtocolHandler eth = new ProtocolHandler() {
 *   public void onConnect(Peer peer, Capability negotiated) {
 *     peer.send("eth", 0x00, statusFor(negotiated.version()));
 *   }
 *   public void onMessage(Peer peer, int code, Bytes payload) {
 *     if (code == 0x03) { ... } // GetBlockHeaders
 *     else throw new ProtocolViolationException(DisconnectReason.PROTOCOL_BREACH, "unexpected " + code);
 *   }
 * };
 * P2pServer server = new P2pServer(key, config,
 *     List.of(Protocol.of("eth", 68, 17, eth), Protocol.of("eth", 69, 18, eth)));
 * }</pre>
 *
 * <p>Every decoding failure is typed ({@link org.linden.p2p.rlpx.RlpxException},
 * {@link org.linden.p2p.transport.ProtocolViolationException}) and ends in a Disconnect
 * with a reason, a ban of the node id, and a debug log line; none reaches the server.
 */
package org.linden.p2p.transport;
