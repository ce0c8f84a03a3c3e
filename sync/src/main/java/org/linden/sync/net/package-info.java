/**
 * The {@code eth} protocol on live RLPx peers: {@link org.linden.sync.net.EthProtocol} is the
 * transport's handler for eth/68 and eth/69 (Status handshake, serving, request matching),
 * {@link org.linden.sync.net.SyncManager} drives the downloaders towards the best peer's head
 * and keeps following it, and block and transaction announcements travel both ways. The node
 * plugs in its chain, pool and importer through {@link org.linden.sync.net.LocalChain},
 * {@link org.linden.sync.net.PoolAccess} and {@link org.linden.sync.net.BlockImporter}.
 */
package org.linden.sync.net;
