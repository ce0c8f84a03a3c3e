// Home: the latest blocks and transactions (kept live by newHeads), recent block time,
// gas used and base fee as charts, and what the node says about itself.

import { batch, call, callIfAvailable, onNewHead } from '../rpc.js';
import { addressLink, ago, blockLink, esc, ether, gwei, int, num, txLink } from '../format.js';
import { lineChart } from '../chart.js';
import { render } from '../view.js';

const SHOWN = 10;
const CHARTED = 30;

export async function home() {
  document.title = 'Linden explorer';
  const head = num(await call('eth_blockNumber'));
  const first = Math.max(0, head - CHARTED + 1);
  const numbers = [];
  for (let n = head; n >= first; n--) numbers.push(n);
  const blocks = (await batch(numbers.map((n) => ['eth_getBlockByNumber', ['0x' + n.toString(16), n > head - SHOWN]])))
    .filter(Boolean);
  render(`<div class="grid">
      <section class="panel" data-testid="node-status"><h2>Node</h2><div id="status" class="stats"></div></section>
      <section class="panel chart" data-testid="charts"><h2>Recent blocks</h2><div id="charts" class="grid"></div></section>
    </div>
    <div class="grid">
      <section class="panel" data-testid="latest-blocks"><h2>Latest blocks</h2><div id="blocks"></div></section>
      <section class="panel" data-testid="latest-transactions"><h2>Latest transactions</h2><div id="txs"></div></section>
    </div>`);
  const state = { blocks };
  await drawStatus(state);
  drawBlocks(state);
  drawCharts(state);
  return onNewHead(async (header) => {
    const block = await call('eth_getBlockByHash', [header.hash, true]);
    if (!block || state.blocks.some((b) => b.hash === block.hash)) return;
    // A reorg replaces blocks at the same height: drop those before adding the new one.
    state.blocks = [block, ...state.blocks.filter((b) => num(b.number) < num(block.number))].slice(0, CHARTED);
    drawBlocks(state, block.hash);
    drawCharts(state);
    await drawStatus(state);
  });
}

async function drawStatus(state) {
  const [chainId, client, syncing, finalized, peers, index] = await Promise.all([
    call('eth_chainId'),
    callIfAvailable('web3_clientVersion', [], null),
    callIfAvailable('eth_syncing', [], false),
    call('eth_getBlockByNumber', ['finalized', false]).catch(() => null),
    callIfAvailable('net_peerCount', [], null),
    callIfAvailable('linden_indexStatus', [], null),
  ]);
  const head = state.blocks[0];
  const el = document.getElementById('status');
  if (!el) return;
  const sync = syncing === false ? 'in sync'
    : `syncing ${int(syncing.currentBlock)} of ${int(syncing.highestBlock)}`;
  el.innerHTML = [
    ['Head block', head ? blockLink(head.number) : '—', 'head'],
    ['Finalized', finalized ? blockLink(finalized.number) : '—', 'finalized'],
    ['Chain id', esc(int(chainId)), 'chain-id'],
    ['Peers', peers == null ? '<span class="muted">n/a</span>' : esc(int(peers)), 'peers'],
    ['Sync', esc(sync), 'sync'],
    ['Address index', index && index.enabled ? 'on' : 'off', 'index'],
    ['Client', esc(client ?? '—'), 'client'],
  ].map(([label, value, id]) => `<div class="stat" data-testid="status-${id}"><span class="muted">${label}</span><b>${value}</b></div>`)
    .join('');
}

function drawBlocks(state, freshHash) {
  const blocksEl = document.getElementById('blocks');
  const txsEl = document.getElementById('txs');
  if (!blocksEl || !txsEl) return;
  const rows = state.blocks.slice(0, SHOWN).map((b) => `<tr class="${b.hash === freshHash ? 'fresh' : ''}">
      <td>${blockLink(b.number)}</td><td class="muted">${ago(b.timestamp)}</td>
      <td class="num">${b.transactions.length} txs</td><td class="num">${int(b.gasUsed)} gas</td></tr>`);
  blocksEl.innerHTML = `<table><tbody>${rows.join('')}</tbody></table>`;
  const txs = [];
  for (const b of state.blocks) {
    for (const tx of [...b.transactions].reverse()) {
      if (typeof tx === 'object') txs.push(tx);
    }
    if (txs.length >= SHOWN) break;
  }
  txsEl.innerHTML = txs.length === 0 ? '<p class="muted">No transactions in recent blocks.</p>'
    : `<table><tbody>${txs.slice(0, SHOWN).map((tx) => `<tr class="${tx.blockHash === freshHash ? 'fresh' : ''}">
        <td>${txLink(tx.hash)}</td><td>${addressLink(tx.from)} → ${addressLink(tx.to)}</td>
        <td class="num">${esc(ether(BigInt(tx.value)))}</td></tr>`).join('')}</tbody></table>`;
}

function drawCharts(state) {
  const el = document.getElementById('charts');
  if (!el) return;
  const oldestFirst = [...state.blocks].reverse();
  const times = oldestFirst.slice(1).map((b, i) => num(b.timestamp) - num(oldestFirst[i].timestamp));
  const gas = oldestFirst.map((b) => num(b.gasUsed));
  const fees = oldestFirst.map((b) => Number(BigInt(b.baseFeePerGas ?? '0x0')) / 1e9);
  const last = state.blocks[0];
  const charts = [
    ['Block time (s)', times, '#1f6f50', times.length ? `${times.at(-1)} s` : '—'],
    ['Gas used', gas, '#2b5fa8', last ? int(last.gasUsed) : '—'],
    ['Base fee (gwei)', fees, '#a86a2b', last ? gwei(BigInt(last.baseFeePerGas ?? '0x0')) : '—'],
  ];
  el.replaceChildren(...charts.map(([label, values, color, now]) => {
    const box = document.createElement('div');
    box.append(lineChart(values, { color, label }));
    const legend = document.createElement('div');
    legend.className = 'legend';
    legend.textContent = `${label}: ${now} (last ${values.length} blocks)`;
    box.append(legend);
    return box;
  }));
}
