// Validators (QBFT) and peers (devp2p): shown when the node serves those namespaces, and a
// plain "not available" otherwise.

import { batch, call, callIfAvailable, isUnavailable } from '../rpc.js';
import { addressLink, esc } from '../format.js';
import { render, unavailable } from '../view.js';

/** How many recent blocks the validators page shows with their proposer, round and committers. */
const RECENT = 12;

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
  const head = Number(await call('eth_blockNumber', []));
  const numbers = [];
  for (let n = head; n >= 1 && numbers.length < RECENT; n--) numbers.push(n);
  const [seals, votes, metrics] = await Promise.all([
    batch(numbers.map((n) => ['qbft_getSealsByBlockNumber', [`0x${n.toString(16)}`]])),
    callIfAvailable('qbft_getPendingVotes', [], {}),
    callIfAvailable('qbft_getSignerMetrics', [], []),
  ]);
  const proposed = new Map(metrics.map((m) => [m.address.toLowerCase(), m]));
  const roundChanges = seals.filter((s) => s && s.round > 0).length;
  const voteRows = Object.entries(votes ?? {});
  document.title = 'Validators · Linden explorer';
  render(`<h1>Validators (${list.length})</h1>
    <section class="panel" data-testid="validators"><h2>Validator set at block ${head}</h2>
    <table><thead><tr><th>#</th><th>Validator</th><th>Blocks proposed (last 100)</th><th>Last proposed</th></tr></thead>
    <tbody>${list.map((v, i) => {
      const m = proposed.get(v.toLowerCase());
      return `<tr><td>${i + 1}</td><td>${addressLink(v, true)}</td><td>${m ? Number(m.proposedBlockCount) : 0}</td>
        <td>${m ? `<a href="#/block/${Number(m.lastProposedBlockNumber)}">${Number(m.lastProposedBlockNumber)}</a>` : ''}</td></tr>`;
    }).join('')}</tbody></table></section>
    <section class="panel" data-testid="recent-seals"><h2>Recent blocks</h2>
    <p class="muted">${roundChanges} of the last ${numbers.length} blocks needed a round change.</p>
    <table><thead><tr><th>Block</th><th>Proposer</th><th>Round</th><th>Sealed by</th></tr></thead>
    <tbody>${numbers.map((n, i) => {
      const s = seals[i];
      return `<tr><td><a href="#/block/${n}">${n}</a></td><td>${s ? addressLink(s.proposer, true) : ''}</td>
        <td>${s ? s.round : ''}</td><td>${s ? `${s.committers.length} of ${list.length}` : ''}</td></tr>`;
    }).join('')}</tbody></table></section>
    <section class="panel" data-testid="pending-votes"><h2>Pending votes of this node</h2>${voteRows.length === 0
      ? '<p class="muted">No pending votes.</p>'
      : `<table><thead><tr><th>Candidate</th><th>Vote</th></tr></thead><tbody>${voteRows.map(([a, add]) =>
        `<tr><td>${addressLink(a, true)}</td><td>${add ? 'add' : 'remove'}</td></tr>`).join('')}</tbody></table>`}</section>`);
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
