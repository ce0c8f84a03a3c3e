package org.linden.p2p.transport;

import org.linden.crypto.PublicKey;
import org.linden.p2p.rlpx.MessageCodec;

/**
 * Pipeline event fired once the RLPx handshake is done and frames can flow.
 *
 * @param remoteId the remote static key the handshake proved
 * @param codec the session's message codec, shared with {@link FrameHandler}
 */
record HandshakeCompleted(PublicKey remoteId, MessageCodec codec) {}
