/**
 * Who this node is: its secp256k1 node key, the node id derived from it and the
 * {@code enode://} URL that names it.
 */
package org.linden.p2p.identity;
