package org.linden.p2p.transport;

/**
 * Traffic of one connection so far: bytes as they crossed the socket (encrypted, framed,
 * compressed), and whole messages of every protocol, base protocol included.
 */
public record PeerStats(long bytesIn, long bytesOut, long messagesIn, long messagesOut) {}
