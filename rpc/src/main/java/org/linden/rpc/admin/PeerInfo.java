package org.linden.rpc.admin;

import java.util.List;

/**
 * One connected peer as {@code admin_peers} reports it (go-ethereum's shape).
 *
 * @param enode the peer's {@code enode://} URL
 * @param id the peer's node id (keccak-256 of its public key), unprefixed hex
 * @param name the client name from its Hello
 * @param caps the capabilities it offered, e.g. {@code eth/68}
 * @param localAddress our end of the connection, {@code host:port}
 * @param remoteAddress its end
 * @param inbound whether it dialled us
 * @param trusted whether it is a static peer added by {@code admin_addPeer} or configuration
 * @param ethVersion the negotiated {@code eth} version, 0 if none
 * @param bytesIn bytes received on the connection
 * @param bytesOut bytes sent
 */
public record PeerInfo(String enode, String id, String name, List<String> caps, String localAddress,
    String remoteAddress, boolean inbound, boolean trusted, int ethVersion, long bytesIn, long bytesOut) {}
