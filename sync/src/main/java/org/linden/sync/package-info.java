/**
 * The {@code eth} protocol and chain download. Everything here is socket-free: messages are
 * immutable records decoded strictly at the edge ({@link org.linden.sync.eth}), the request
 * server answers from a narrow read interface over the chain ({@link org.linden.sync.serve}),
 * and the downloaders are state machines driven by messages and an injected clock
 * ({@link org.linden.sync.download}). A transport delivers decoded messages in and sends
 * messages out through {@link org.linden.sync.EthPeer}.
 */
package org.linden.sync;
