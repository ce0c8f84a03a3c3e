/**
 * Node Discovery v4: the six packet types (Ping, Pong, FindNode, Neighbors and the
 * EIP-868 ENRRequest/ENRResponse), their signed wire format, and the Kademlia routing
 * table. Everything here is pure: no sockets, and time comes from a clock the caller
 * passes in.
 */
package org.linden.p2p.discovery;
