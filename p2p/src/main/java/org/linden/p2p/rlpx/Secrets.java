package org.linden.p2p.rlpx;

import org.linden.crypto.PublicKey;

/**
 * What a completed handshake yields: the frame cipher key, the MAC cipher key, the two
 * running MAC states, and the remote node's static public key (its node id).
 *
 * @param aesSecret key of the AES-256-CTR stream that encrypts frames in both directions
 * @param macSecret key of the AES-256-ECB step in MAC updates
 * @param egressMac MAC state over bytes this side sends
 * @param ingressMac MAC state over bytes this side receives
 * @param remoteId the peer's static public key
 */
public record Secrets(byte[] aesSecret, byte[] macSecret, MacState egressMac, MacState ingressMac, PublicKey remoteId) {}
