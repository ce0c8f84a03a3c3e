package org.linden.sync.net;

import org.linden.sync.eth.EthMessage;

/**
 * Receives the responses to the requests it sent through {@link EthSession#requester}, with
 * the request id it chose; called on the protocol's event loop. A response arriving after the
 * handler stopped caring (a timeout) is still delivered, and the handler ignores it.
 */
@FunctionalInterface
interface ResponseHandler {
  void onResponse(EthSession session, EthMessage response);
}
