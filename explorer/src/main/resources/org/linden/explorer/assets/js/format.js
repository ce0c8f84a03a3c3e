// Turning JSON-RPC values into text for people. Every value that came from the node goes
// through esc() before it becomes HTML.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A quantity ("0x1a") as a BigInt; null stays null. */
export function big(hex) {
  return hex == null ? null : BigInt(hex);
}

/** A quantity as a Number (for values known to be small: block numbers, gas, indexes). */
export function num(hex) {
  return hex == null ? null : Number(BigInt(hex));
}

/** An integer with thousands separators. */
export function int(value) {
  return value == null ? '' : BigInt(value).toLocaleString('en-US');
}

/** `units` of a token with `decimals` decimals, trailing zeros dropped. */
export function units(value, decimals, symbol) {
  const v = BigInt(value);
  const scale = 10n ** BigInt(decimals);
  const whole = v / scale;
  let frac = (v % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  if (frac.length > 8) {
    frac = frac.slice(0, 8) + '…';
  }
  return `${whole.toLocaleString('en-US')}${frac ? '.' + frac : ''}${symbol ? ' ' + symbol : ''}`;
}

export function ether(wei) {
  return units(wei ?? 0n, 18, 'ETH');
}

export function gwei(wei) {
  return units(wei ?? 0n, 9, 'gwei');
}

export function short(hex) {
  return hex && hex.length > 14 ? `${hex.slice(0, 8)}…${hex.slice(-6)}` : hex ?? '';
}

/** How long ago a unix timestamp (a quantity) was. */
export function ago(timestampHex) {
  const seconds = Math.max(0, Math.floor(Date.now() / 1000) - num(timestampHex));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86400)}d ago`;
}

export function time(timestampHex) {
  return new Date(num(timestampHex) * 1000).toISOString().replace('T', ' ').replace('.000Z', ' UTC');
}

export function blockLink(number) {
  const n = typeof number === 'string' ? num(number) : number;
  return `<a href="#/block/${n}">${int(n)}</a>`;
}

export function txLink(hash, full = false) {
  return `<a class="mono" href="#/tx/${esc(hash)}">${esc(full ? hash : short(hash))}</a>`;
}

export function addressLink(address, full = false) {
  if (!address) return '<span class="muted">—</span>';
  return `<a class="mono" href="#/address/${esc(address)}">${esc(full ? address : short(address))}</a>`;
}

/** A table of label/value rows; values are HTML the caller built (and escaped). */
export function fields(rows) {
  return `<table class="fields">${rows.filter(Boolean)
    .map(([label, value]) => `<tr><th>${esc(label)}</th><td>${value}</td></tr>`).join('')}</table>`;
}
