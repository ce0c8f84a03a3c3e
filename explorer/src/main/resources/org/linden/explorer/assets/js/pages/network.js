// Validators (QBFT) and peers (devp2p): shown when the node serves those namespaces, and a
// plain "not available" otherwise.

import { call, isUnavailable } from '../rpc.js';
import { addressLink, esc } from '../format.js';
import { render, unavailable } from '../view.js';

export async function validators() {
  let list;
  try {
    list = await call('qbft_getValidatorsByBlockNumber', ['latest']);
  } catch (e) {
    if (isUnavailable(e)) {
      return unavailable('Validators', 'This node does not serve the qbft namespace (a development chain or a node without QBFT has no validator set).');
    }
    throw e;
  }
  document.title = 'Validators · Linden explorer';
  render(`<h1>Validators</h1><section class="panel" data-testid="validators"><table><thead><tr><th>#</th><th>Validator</th></tr></thead>
    <tbody>${list.map((v, i) => `<tr><td>${i + 1}</td><td>${addressLink(v, true)}</td></tr>`).join('')}</tbody></table></section>`);
}

export async function peers() {
  let list;
  try {
    list = await call('admin_peers', []);
  } catch (e) {
    if (isUnavailable(e)) {
      return unavailable('Peers', 'This node does not serve the admin namespace (start it with --rpc.apis including admin to list peers).');
    }
    throw e;
  }
  document.title = 'Peers · Linden explorer';
  render(`<h1>Peers (${list.length})</h1><section class="panel" data-testid="peers">${list.length === 0
    ? '<p class="muted">No connected peers.</p>'
    : `<table><thead><tr><th>Client</th><th>Direction</th><th>Remote address</th><th>Protocols</th><th>Traffic in / out</th><th>Id</th></tr></thead><tbody>
      ${list.map((p) => `<tr><td>${esc(p.name)}</td><td>${p.network && p.network.inbound ? 'inbound' : 'outbound'}</td>
      <td class="mono">${esc(p.network ? p.network.remoteAddress : '')}</td><td>${esc((p.caps ?? []).join(', '))}</td>
      <td>${p.traffic ? `${bytes(p.traffic.bytesIn)} / ${bytes(p.traffic.bytesOut)}` : ''}</td>
      <td class="mono">${esc((p.id ?? '').slice(0, 16))}…</td></tr>`).join('')}
      </tbody></table>`}</section>`);
}

/** A byte count for people: B, KiB, MiB. */
function bytes(n) {
  if (n < 1024) {
    return `${n} B`;
  }
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}
