// A block: header fields, who sealed it, gas and blob gas, withdrawals and transactions.

import { call, callIfAvailable } from '../rpc.js';
import { addressLink, blockLink, esc, ether, fields, gwei, int, num, time, txLink, ago } from '../format.js';
import { notFound, render } from '../view.js';

/** `id` is a decimal block number or a 32-byte block hash. */
export async function block(id) {
  let b = null;
  if (/^\d+$/.test(id)) {
    b = await call('eth_getBlockByNumber', ['0x' + BigInt(id).toString(16), true]);
    if (!b) {
      const head = num(await call('eth_blockNumber'));
      return notFound(`There is no block ${id} yet.`, `The chain's head is block ${head.toLocaleString('en-US')}.`);
    }
  } else if (/^0x[0-9a-fA-F]{64}$/.test(id)) {
    b = await call('eth_getBlockByHash', [id, true]);
    if (!b) return notFound(`No block has the hash ${id}.`);
  } else {
    return notFound(`"${id}" is not a block number or a block hash.`);
  }
  document.title = `Block ${num(b.number)} · Linden explorer`;
  const n = num(b.number);
  // On a QBFT chain the proposer is the beneficiary and the committers come from the seals.
  const seals = n > 0 ? await callIfAvailable('qbft_getSealsByBlockNumber', [b.number], null).catch(() => null) : null;
  const gasPct = num(b.gasLimit) > 0 ? ` (${((num(b.gasUsed) / num(b.gasLimit)) * 100).toFixed(1)}%)` : '';
  const header = fields([
    ['Number', `${int(n)} ${n > 0 ? `<a href="#/block/${n - 1}">‹ previous</a>` : ''} <a href="#/block/${n + 1}">next ›</a>`],
    ['Hash', `<span class="mono" data-testid="block-hash">${esc(b.hash)}</span>`],
    ['Parent', `<a class="mono" href="#/block/${esc(b.parentHash)}">${esc(b.parentHash)}</a>`],
    ['Time', `${esc(time(b.timestamp))} <span class="muted">(${ago(b.timestamp)})</span>`],
    seals ? ['Proposed by', `${addressLink(seals.proposer, true)} <span class="muted">in round ${int(seals.round)}</span>`]
      : ['Sealed by', addressLink(b.miner, true)],
    seals && ['Committed by', `<span data-testid="committers">${seals.committers.map((a) => addressLink(a, true)).join('<br>')}</span>`],
    ['Transactions', int(b.transactions.length)],
    ['Gas used', `${int(b.gasUsed)} of ${int(b.gasLimit)}${gasPct}`],
    b.baseFeePerGas && ['Base fee', esc(gwei(BigInt(b.baseFeePerGas)))],
    b.blobGasUsed && ['Blob gas used', int(b.blobGasUsed)],
    b.excessBlobGas && ['Excess blob gas', int(b.excessBlobGas)],
    ['State root', `<span class="mono">${esc(b.stateRoot)}</span>`],
    ['Transactions root', `<span class="mono">${esc(b.transactionsRoot)}</span>`],
    ['Receipts root', `<span class="mono">${esc(b.receiptsRoot)}</span>`],
    ['Extra data', `<span class="mono">${esc(b.extraData)}</span>`],
    ['Size', `${int(b.size)} bytes`],
  ]);
  const txs = b.transactions.length === 0 ? '<p class="muted">No transactions.</p>'
    : `<table><thead><tr><th>#</th><th>Hash</th><th>From</th><th>To</th><th class="num">Value</th></tr></thead><tbody>
      ${b.transactions.map((tx) => `<tr><td>${num(tx.transactionIndex)}</td><td>${txLink(tx.hash)}</td>
        <td>${addressLink(tx.from)}</td><td>${tx.to ? addressLink(tx.to) : '<span class="pill">contract creation</span>'}</td>
        <td class="num">${esc(ether(BigInt(tx.value)))}</td></tr>`).join('')}</tbody></table>`;
  const withdrawals = !b.withdrawals ? '' : `<section class="panel"><h2>Withdrawals (${b.withdrawals.length})</h2>
    ${b.withdrawals.length === 0 ? '<p class="muted">None.</p>' : `<table><thead><tr><th>Index</th><th>Validator</th>
      <th>Address</th><th class="num">Amount</th></tr></thead><tbody>${b.withdrawals.map((w) => `<tr><td>${int(w.index)}</td>
      <td>${int(w.validatorIndex)}</td><td>${addressLink(w.address)}</td>
      <td class="num">${esc(gwei(BigInt(w.amount)))}</td></tr>`).join('')}</tbody></table>`}</section>`;
  render(`<h1>Block ${blockLink(n)}</h1>
    <section class="panel" data-testid="block-page">${header}</section>
    <section class="panel" data-testid="block-transactions"><h2>Transactions</h2>${txs}</section>${withdrawals}`);
}
