/**
 * Node Discovery v4: the six packet types (Ping, Pong, FindNode, Neighbors and the
 * EIP-868 ENRRequest/ENRResponse), their signed wire format and the Kademlia routing
 * table, which are pure (time comes from a clock the caller passes in); and
 * {@link org.linden.p2p.discovery.DiscoveryService}, which runs them over a UDP socket.
 */
package org.linden.p2p.discovery;
