// An address: balance, nonce, code, and (from the node's address index) its transactions
// and token transfers, a page at a time.

import { call, RpcError } from '../rpc.js';
import { addressLink, blockLink, esc, ether, fields, int, txLink, units } from '../format.js';
import { notFound, render } from '../view.js';

const PAGE = 25;

export async function address(addr) {
  if (!/^0x[0-9a-fA-F]{40}$/.test(addr)) {
    return notFound(`"${addr}" is not an address.`);
  }
  document.title = `Address ${addr} · Linden explorer`;
  const [balance, nonce, code] = await Promise.all([
    call('eth_getBalance', [addr, 'latest']),
    call('eth_getTransactionCount', [addr, 'latest']),
    call('eth_getCode', [addr, 'latest']),
  ]);
  const codeSize = (code.length - 2) / 2;
  render(`<h1>Address <span class="mono">${esc(addr)}</span></h1>
    <section class="panel" data-testid="address-page">${fields([
      ['Balance', `<span data-testid="balance">${esc(ether(BigInt(balance)))}</span>`],
      ['Nonce', int(nonce)],
      ['Kind', codeSize > 0 ? `contract, ${int(codeSize)} bytes of code` : 'account (no code)'],
    ])}${codeSize > 0 ? `<details><summary>Code</summary><div class="data mono">${esc(code)}</div></details>` : ''}</section>
    <section class="panel" data-testid="address-transactions"><h2>Transactions</h2><div id="txs"></div></section>
    <section class="panel" data-testid="address-transfers"><h2>Token transfers</h2><div id="transfers"></div></section>`);
  await Promise.all([
    pages(document.getElementById('txs'), 'linden_getAddressTransactions', addr, txTable),
    pages(document.getElementById('transfers'), 'linden_getTokenTransfers', addr, transferTable),
  ]);
}

/** Fills `el` with the first page of `method`, and an "Older" button for each next one. */
async function pages(el, method, addr, table) {
  const load = async (cursor) => {
    let page;
    try {
      page = await call(method, [addr, cursor, '0x' + PAGE.toString(16)]);
    } catch (e) {
      const message = e instanceof RpcError && e.code === -32601
        ? 'Not available on this node (it serves no explorer index).' : e.message;
      el.innerHTML = `<p class="muted">${esc(message)}</p>`;
      return;
    }
    el.querySelector('button.more')?.remove();
    if (page.items.length === 0 && !cursor) {
      el.innerHTML = '<p class="muted">None.</p>';
      return;
    }
    el.insertAdjacentHTML('beforeend', table(page.items, addr));
    if (page.next) {
      const more = document.createElement('button');
      more.className = 'more';
      more.textContent = 'Older';
      more.addEventListener('click', () => load(page.next));
      el.append(more);
    }
  };
  await load(null);
}

function txTable(items, addr) {
  const self = addr.toLowerCase();
  return `<table><thead><tr><th>Hash</th><th>Block</th><th>From</th><th>To</th><th class="num">Value</th><th>Status</th></tr></thead>
    <tbody>${items.map((t) => `<tr><td>${txLink(t.hash)}</td><td>${blockLink(t.blockNumber)}</td>
      <td>${t.from.toLowerCase() === self ? '<span class="pill">this</span>' : addressLink(t.from)}</td>
      <td>${t.to ? (t.to.toLowerCase() === self ? '<span class="pill">this</span>' : addressLink(t.to))
        : `<span class="pill">created</span> ${addressLink(t.contractAddress)}`}</td>
      <td class="num">${esc(ether(BigInt(t.value)))}</td>
      <td>${t.status === '0x0' ? '<span class="bad">failed</span>' : t.status === '0x1' ? '<span class="ok">ok</span>' : ''}</td></tr>`)
      .join('')}</tbody></table>`;
}

function transferTable(items) {
  return `<table><thead><tr><th>Transaction</th><th>Block</th><th>Token</th><th>From</th><th>To</th><th class="num">Amount</th></tr></thead>
    <tbody>${items.map((t) => `<tr><td>${txLink(t.transactionHash)}</td><td>${blockLink(t.blockNumber)}</td>
      <td>${addressLink(t.token)} <span class="pill">${t.standard === 'erc20' ? 'ERC-20' : 'ERC-721'}</span></td>
      <td>${addressLink(t.from)}</td><td>${addressLink(t.to)}</td>
      <td class="num">${t.standard === 'erc20' ? esc(units(t.value, 18)) : '#' + esc(BigInt(t.tokenId).toString())}</td></tr>`)
      .join('')}</tbody></table>`;
}

