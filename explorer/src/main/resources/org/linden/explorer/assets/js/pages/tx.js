// A transaction: status, value, fee breakdown, input, decoded token transfers, internal
// calls (debug_traceTransaction's callTracer, when the node serves debug) and revert reason.

import { call, isUnavailable } from '../rpc.js';
import { addressLink, blockLink, esc, ether, fields, gwei, int, num, short, units } from '../format.js';
import { revertReason, transfer } from '../decode.js';
import { notFound, render } from '../view.js';

export async function transaction(hash) {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hash)) {
    return notFound(`"${hash}" is not a transaction hash.`);
  }
  const tx = await call('eth_getTransactionByHash', [hash]);
  if (!tx) return notFound(`No transaction has the hash ${hash}.`);
  document.title = `Transaction ${short(hash)} · Linden explorer`;
  const receipt = tx.blockHash ? await call('eth_getTransactionReceipt', [hash]) : null;
  const block = tx.blockHash ? await call('eth_getBlockByHash', [tx.blockHash, false]) : null;
  const trace = receipt ? await callTrace(hash) : null;
  const failed = receipt && receipt.status === '0x0';
  const reason = failed ? await revertOf(tx, trace) : null;
  const status = !receipt ? '<span class="pill">pending</span>'
    : failed ? `<span class="bad">Failed</span>${reason ? ` — <span data-testid="revert-reason">${esc(reason)}</span>` : ''}`
      : '<span class="ok">Success</span>';
  render(`<h1>Transaction <span class="mono">${esc(hash)}</span></h1>
    <section class="panel" data-testid="tx-page">${fields([
      ['Status', status],
      ['Block', tx.blockNumber ? `${blockLink(tx.blockNumber)} <span class="muted">position ${num(tx.transactionIndex)}</span>` : 'pending'],
      ['From', addressLink(tx.from, true)],
      ['To', tx.to ? addressLink(tx.to, true)
        : `<span class="pill">contract creation</span> ${receipt && receipt.contractAddress ? addressLink(receipt.contractAddress, true) : ''}`],
      ['Value', esc(ether(BigInt(tx.value)))],
      ['Type', `${num(tx.type)} <span class="muted">${['legacy', 'access list (EIP-2930)', 'dynamic fee (EIP-1559)', 'blob (EIP-4844)', 'set code (EIP-7702)'][num(tx.type)] ?? ''}</span>`],
      ['Nonce', int(tx.nonce)],
    ])}</section>
    ${receipt ? feePanel(tx, receipt, block) : ''}
    <section class="panel"><h2>Input</h2>${inputOf(tx)}</section>
    ${receipt ? logsPanel(receipt) : ''}
    ${trace === undefined ? '' : callsPanel(trace)}`);
}

function feePanel(tx, receipt, block) {
  const gasUsed = BigInt(receipt.gasUsed);
  const price = BigInt(receipt.effectiveGasPrice);
  const baseFee = block && block.baseFeePerGas ? BigInt(block.baseFeePerGas) : 0n;
  const blobFee = receipt.blobGasUsed ? BigInt(receipt.blobGasUsed) * BigInt(receipt.blobGasPrice ?? '0x0') : 0n;
  const total = gasUsed * price + blobFee;
  return `<section class="panel" data-testid="fee"><h2>Fee</h2>${fields([
    ['Gas used', `${int(gasUsed)} of ${int(tx.gas)} limit`],
    ['Gas price paid', esc(gwei(price))],
    ['Burnt (base fee)', `${esc(ether(gasUsed * baseFee))} <span class="muted">${esc(gwei(baseFee))} × gas</span>`],
    ['Tip to the block producer', `${esc(ether(gasUsed * (price - baseFee)))} <span class="muted">${esc(gwei(price - baseFee))} × gas</span>`],
    blobFee > 0n && ['Blob fee', `${esc(ether(blobFee))} <span class="muted">${int(receipt.blobGasUsed)} blob gas</span>`],
    ['Total fee', `<b>${esc(ether(total))}</b>`],
  ])}</section>`;
}

function inputOf(tx) {
  if (!tx.input || tx.input === '0x') return '<p class="muted">None (a plain transfer).</p>';
  const selector = tx.to && tx.input.length >= 10 ? `<p>Function selector <code>${esc(tx.input.slice(0, 10))}</code></p>` : '';
  return `${selector}<div class="data mono">${esc(tx.input)}</div>`;
}

function logsPanel(receipt) {
  if (receipt.logs.length === 0) return '';
  const rows = receipt.logs.map((log) => {
    const t = transfer(log);
    const decoded = !t ? `<span class="muted">${log.topics.length} topics, ${(log.data.length - 2) / 2} bytes of data</span>`
      : `<span class="pill">${t.standard} Transfer</span> ${addressLink(t.from)} → ${addressLink(t.to)}
         ${t.standard === 'ERC-20' ? esc(units(t.value, 18)) + ' <span class="muted">(18 decimals assumed)</span>' : 'token #' + esc(t.tokenId.toString())}`;
    return `<tr><td>${num(log.logIndex)}</td><td>${addressLink(log.address)}</td><td data-testid="log">${decoded}</td></tr>`;
  });
  return `<section class="panel" data-testid="logs"><h2>Logs</h2><table><thead><tr><th>#</th><th>Emitted by</th>
    <th>Event</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The call tree, null if the trace failed, undefined if the node does not serve debug. */
async function callTrace(hash) {
  try {
    return await call('debug_traceTransaction', [hash, { tracer: 'callTracer' }]);
  } catch (e) {
    return isUnavailable(e) ? undefined : null;
  }
}

function callsPanel(trace) {
  if (trace === null) return '<section class="panel"><h2>Internal calls</h2><p class="muted">The trace failed.</p></section>';
  const rows = [];
  const walk = (frame, depth) => {
    if (depth > 0) {
      rows.push(`<tr><td>${'  '.repeat(depth - 1)}${esc(frame.type)}</td><td>${addressLink(frame.from)}</td>
        <td>${addressLink(frame.to)}</td><td class="num">${esc(ether(BigInt(frame.value ?? '0x0')))}</td>
        <td>${frame.error ? `<span class="bad">${esc(frame.error)}</span>` : '<span class="ok">ok</span>'}</td></tr>`);
    }
    for (const child of frame.calls ?? []) walk(child, depth + 1);
  };
  walk(trace, 0);
  return `<section class="panel calls" data-testid="internal-calls"><h2>Internal calls</h2>${rows.length === 0
    ? '<p class="muted">None.</p>' : `<table><thead><tr><th>Type</th><th>From</th><th>To</th><th class="num">Value</th>
      <th>Result</th></tr></thead><tbody>${rows.join('')}</tbody></table>`}</section>`;
}

/** The revert reason: from the call trace when there is one, else by replaying the call on the parent block. */
async function revertOf(tx, trace) {
  if (trace && trace.output) {
    const reason = revertReason(trace.output);
    if (reason) return reason;
  }
  if (trace && trace.error) return trace.error;
  try {
    await call('eth_call', [{ from: tx.from, to: tx.to, data: tx.input, value: tx.value, gas: tx.gas },
      '0x' + (BigInt(tx.blockNumber) - 1n).toString(16)]);
    return null;
  } catch (e) {
    return (e.data && revertReason(e.data)) || e.message;
  }
}
