package org.linden.p2p.rlpx;

/**
 * A message as it travels in a frame: its wire id and its (uncompressed) RLP payload.
 *
 * @param code message id, base protocol below 0x10, sub-protocols above
 * @param payload the RLP payload
 */
public record RawMessage(int code, byte[] payload) {}
