// Transaction load for the JSON-RPC benchmark, on one node at a time.
//
// Usage: node bench/rpc/txload.mjs URL MODE KIND COUNT [WORKERS]
//   MODE  automine  COUNT transactions sent while the node mines one block per
//                   transaction; timed from the first send until every receipt exists
//         block     automine off (evm_setAutomine false): COUNT transactions submitted
//                   to the pool (timed: admission rate), then one evm_mine (timed: block
//                   building), then automine back on
//   KIND  eth       plain ETH transfers (21,000 gas)
//         erc20     Token.transfer calls on the token set-up deployed (read from the
//                   TOKEN environment variable)
//
// Every transaction is signed before the clock starts (EIP-1559, fixed nonces read from
// the node), so the time is the node's: decoding, sender recovery, pool admission,
// execution, sealing and the HTTP round trips. Each one goes to an address that has never
// held anything, as new users on a real chain do, so the state grows from run to run.
// WORKERS (default 4) connections send concurrently; each owns a fixed subset of the
// senders and sends their transactions in nonce order, so no transaction ever arrives
// before its predecessor and none waits in the queued part of the pool.
// With NODE_PID set, the node's CPU time over each timed part is given too (cpu* fields).
// Prints one JSON line with the figures.
import { ethers, rpc, sign, receipts, emit, nodeCpuSeconds, GAS, SENDERS, senderKeys, senderAddresses } from "./lib.mjs";

const [url, mode, kind, countArg, workersArg] = process.argv.slice(2);
const count = Number(countArg);
const workers = Number(workersArg ?? 4);
if (!url || !["automine", "block"].includes(mode) || !["eth", "erc20"].includes(kind) || !(count > 0)) {
  throw new Error("usage: txload.mjs URL automine|block eth|erc20 COUNT [WORKERS]");
}
const token = process.env.TOKEN;
if (kind === "erc20" && !token) throw new Error("erc20 needs TOKEN=address");

const chainId = BigInt(await rpc(url, "eth_chainId"));
const baseNonce = await Promise.all(
  senderAddresses.map(async (a) => Number(await rpc(url, "eth_getTransactionCount", [a, "pending"]))));
const transfer = new ethers.Interface(["function transfer(address to, uint256 value) returns (bool)"]);

// Transaction i comes from sender i % SENDERS with that sender's next nonce, to a fresh
// address derived from the run (mode, kind, the first sender's nonce) and i. The same
// sequence of runs thus sends byte-identical calldata to both nodes, and the gas used
// by a mined block must come out equal on both: a cross-check of the execution.
const txs = [];
for (let i = 0; i < count; i++) {
  const s = i % SENDERS;
  const nonce = baseNonce[s] + Math.floor(i / SENDERS);
  const fresh = ethers.getAddress(ethers.dataSlice(ethers.id(`${mode}-${kind}-${baseNonce[0]}-${i}`), 12));
  txs.push({
    sender: s,
    ...(kind === "eth"
      ? sign(senderKeys[s], chainId, nonce, fresh, 1n, "0x", GAS.eth)
      : sign(senderKeys[s], chainId, nonce, token, 0n, transfer.encodeFunctionData("transfer", [fresh, 1n]), GAS.erc20)),
  });
}
// The last transaction of each sender: once these have receipts, all have.
const lastOfSender = new Map();
for (const t of txs) lastOfSender.set(t.sender, t.hash);

async function submitAll() {
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    for (const t of txs) {
      if (t.sender % workers === w) {
        const hash = await rpc(url, "eth_sendRawTransaction", [t.raw]);
        if (hash !== t.hash) throw new Error(`node answered ${hash} for ${t.hash}`);
      }
    }
  }));
}

// Outside the timing: every transaction must have succeeded, or the rate means nothing.
async function checkAll() {
  const rs = await receipts(url, txs.map((t) => t.hash));
  const failed = rs.filter((r) => r.status !== "0x1").length;
  if (failed) throw new Error(`${failed} of ${count} transactions failed`);
  return new Set(rs.map((r) => r.blockNumber)).size;
}

const secs = (a, b) => Number(b - a) / 1e9;
if (mode === "automine") {
  const c0 = nodeCpuSeconds();
  const t0 = process.hrtime.bigint();
  await submitAll();
  await receipts(url, [...lastOfSender.values()]);
  const t1 = process.hrtime.bigint();
  const c1 = nodeCpuSeconds();
  const blocks = await checkAll();
  emit({ mode, kind, txs: count, seconds: secs(t0, t1), tps: count / secs(t0, t1), blocks, cpuSeconds: c1 - c0 });
} else {
  await rpc(url, "evm_setAutomine", [false]);
  try {
    const c0 = nodeCpuSeconds();
    const t0 = process.hrtime.bigint();
    await submitAll();
    const t1 = process.hrtime.bigint();
    const c1 = nodeCpuSeconds();
    // evm_mine answers once the block is sealed, on both nodes, so its round trip is the
    // block-building time. Receipts are checked after the clock stops: on a block of
    // thousands of transactions a receipt lookup is itself costly (Linden decodes the
    // block's receipts for each), and that is not block building.
    await rpc(url, "evm_mine");
    const t2 = process.hrtime.bigint();
    const c2 = nodeCpuSeconds();
    const block = await rpc(url, "eth_getBlockByNumber", ["latest", false]);
    if (block.transactions.length !== count) {
      throw new Error(`the mined block holds ${block.transactions.length} of ${count} transactions`);
    }
    await checkAll();
    const gasUsed = Number(BigInt(block.gasUsed));
    emit({
      mode, kind, txs: count,
      submitSeconds: secs(t0, t1), admitTps: count / secs(t0, t1),
      mineSeconds: secs(t1, t2), gasUsed, mgasPerSec: gasUsed / secs(t1, t2) / 1e6,
      cpuSubmitSeconds: c1 - c0, cpuMineSeconds: c2 - c1,
    });
  } finally {
    await rpc(url, "evm_setAutomine", [true]);
  }
}
