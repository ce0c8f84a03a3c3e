// Shared pieces of the JSON-RPC benchmark's node scripts: a bare JSON-RPC client, the
// sender accounts, and transaction signing.
//
// The npm packages are the ones the end-to-end tests pin (e2e/package.json); they are
// resolved from e2e/node_modules through createRequire instead of being installed a
// second time under bench/, so both measure with the very same ethers and solc.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(new URL("../../e2e/package.json", import.meta.url));
export const { ethers } = require("ethers");

// The first account of the standard test mnemonic: funded by both `linden dev` and anvil.
export const DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

// The load comes from SENDERS accounts of our own, funded by setup.mjs. Linden's pool,
// like geth's, holds at most 64 transactions per sender (and 5,120 in all), so 5,000
// transactions waiting for one block need at least 79 senders; with 100 each holds 50.
// Both nodes get the same senders, so the comparison is like for like.
export const SENDERS = 100;
export const senderKeys = Array.from({ length: SENDERS }, (_, i) => ethers.id(`linden-rpc-bench-sender-${i}`));
export const senderAddresses = senderKeys.map((k) => ethers.computeAddress(k));
const signingKeys = new Map();

// Fees high enough for any base fee the runs reach (both chains start at 1 gwei and
// fall from there, since blocks stay under half full) and equal on both nodes.
const MAX_FEE = 100_000_000_000n;
const TIP = 1_000_000_000n;

// Gas limits given explicitly: no eth_estimateGas round trips in the timed part. 70,000
// covers an ERC-20 transfer to an address that holds no tokens yet (about 51,000).
export const GAS = { eth: 21_000n, erc20: 70_000n };

let nextId = 1;

/** Calls one JSON-RPC method; throws with the node's message on an error answer. */
export async function rpc(url, method, params = []) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
  });
  if (!res.ok) throw new Error(`${method}: HTTP ${res.status} ${await res.text()}`);
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
  return body.result;
}

/** Signs an EIP-1559 transaction locally (no node involved) and returns { raw, hash }. */
export function sign(key, chainId, nonce, to, value, data, gasLimit) {
  let sk = signingKeys.get(key);
  if (!sk) signingKeys.set(key, (sk = new ethers.SigningKey(key)));
  const tx = ethers.Transaction.from({
    type: 2, chainId, nonce, to, value, data, gasLimit,
    maxFeePerGas: MAX_FEE, maxPriorityFeePerGas: TIP,
  });
  tx.signature = sk.sign(tx.unsignedHash);
  return { raw: tx.serialized, hash: tx.hash };
}

/** Waits until every hash has a receipt; returns the receipts. Fails after timeoutMs. */
export async function receipts(url, hashes, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  const found = new Map();
  for (;;) {
    for (const h of hashes) {
      if (!found.has(h)) {
        const r = await rpc(url, "eth_getTransactionReceipt", [h]);
        if (r) found.set(h, r);
      }
    }
    if (found.size === hashes.length) return hashes.map((h) => found.get(h));
    if (Date.now() > deadline) throw new Error(`${hashes.length - found.size} receipts missing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Prints one result line as JSON for the shell script to read. */
export function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

/**
 * CPU seconds (user + system, all threads) the process NODE_PID has used so far, or NaN
 * without NODE_PID. Read around a timed part, it gives the node's own cost of that part,
 * which on a shared machine says more than the wall time.
 */
export function nodeCpuSeconds() {
  const pid = process.env.NODE_PID;
  if (!pid) return NaN;
  // Fields after the command name, which is in parentheses and may hold spaces.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / Number(process.env.CLK_TCK ?? 100);
}
