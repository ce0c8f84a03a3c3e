package org.linden.rpc.admin;

import org.linden.types.Hash;

/**
 * This node as {@code admin_nodeInfo} reports it (go-ethereum's shape).
 *
 * @param id the node id: keccak-256 of the public key, as unprefixed hex
 * @param name the client name sent in Hello
 * @param enode the {@code enode://} URL others dial
 * @param enr the node record in its text form ({@code enr:…})
 * @param ip the advertised IP address
 * @param discoveryPort the UDP discovery port (0 when discovery is off)
 * @param listenerPort the TCP port for RLPx
 * @param listenAddr the address the TCP listener is bound to, {@code host:port}
 * @param networkId the {@code eth} network id
 * @param genesis the genesis block hash
 * @param head the head block hash
 * @param ethVersions the {@code eth} protocol versions offered
 */
public record NodeInfo(String id, String name, String enode, String enr, String ip, int discoveryPort,
    int listenerPort, String listenAddr, long networkId, Hash genesis, Hash head, java.util.List<Integer> ethVersions) {}
