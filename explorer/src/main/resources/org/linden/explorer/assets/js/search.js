// The search box: a block number, a block or transaction hash, or an address leads to its
// page; anything else to a "not found" page that says why.

import { call } from './rpc.js';

/** The route (a hash like "#/block/5") for `query`, or a not-found route. */
export async function routeFor(query) {
  const q = query.trim();
  if (/^\d+$/.test(q)) return `#/block/${BigInt(q)}`;
  if (/^0x[0-9a-fA-F]{40}$/.test(q)) return `#/address/${q}`;
  if (/^0x[0-9a-fA-F]{64}$/.test(q)) {
    const [tx, block] = await Promise.all([
      call('eth_getTransactionByHash', [q]),
      call('eth_getBlockByHash', [q, false]),
    ]);
    if (tx) return `#/tx/${q}`;
    if (block) return `#/block/${q}`;
    return `#/notfound/${encodeURIComponent(q)}`;
  }
  return `#/notfound/${encodeURIComponent(q)}`;
}
