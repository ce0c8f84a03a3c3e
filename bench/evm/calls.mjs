// Times eth_call of compute-heavy contracts on two nodes, side by side: compiles the
// contracts in bench/contracts with the pinned solc-js, deploys them on both nodes from
// the first dev account, checks that both nodes return the same bytes for every call,
// then times each call on the nodes in turn. Afterwards each call is sent once as a
// transaction on both nodes and its receipt's gas used is compared.
//
// Usage: [EVM_BENCH_ONLY=Contract[.function],...] node bench/evm/calls.mjs LINDEN_URL ANVIL_URL WARMUP RUNS
// Prints one JSON object: { solc, contracts: [{ name, label, calldata, result,
// ms: { linden: [...], anvil: [...] }, gas: { linden, anvil } }] }.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { rpc, sign, receipts, emit, ethers, DEV_KEY } from "../rpc/lib.mjs";

const require = createRequire(new URL("../../e2e/package.json", import.meta.url));
const solc = require("solc");

const [lindenUrl, anvilUrl, warmupArg, runsArg] = process.argv.slice(2);
if (!anvilUrl) throw new Error("usage: calls.mjs LINDEN_URL ANVIL_URL WARMUP RUNS");
const WARMUP = Number(warmupArg ?? 3);
const RUNS = Number(runsArg ?? 7);
const NODES = { linden: lindenUrl, anvil: anvilUrl };

// EIP-7825 (Osaka) caps a transaction at 2^24 gas; every call stays under it so that the
// same call can also be mined as a transaction for its gas figure.
const GAS = 1n << 24n;

// The calls, each sized to run for milliseconds to tens of milliseconds. `check` looks
// at the decoded result where the contract's answer has a known value.
const CALLS = [
  { contract: "Mandelbrot", fn: "render(uint256,uint256,uint256)", args: [32n, 12n, 64n],
    label: "`Mandelbrot.render(32, 12, 64)`: fixed-point Mandelbrot, checksum of the image" },
  { contract: "QuickSort", fn: "sortRandom(uint256,uint256)", args: [2000n, 0x1234567890abcdefn],
    label: "`QuickSort.sortRandom(2000, seed)`: quicksort of 2,000 words in memory" },
  { contract: "MerkleRoot", fn: "root(uint256,bytes32)", args: [8192n, ethers.zeroPadValue("0x6c696e64656e", 32)],
    label: "`MerkleRoot.root(8192, seed)`: Merkle root, 16,383 keccak-256 of 64 bytes" },
  { contract: "KeccakChain", fn: "chain(uint256,bytes32)", args: [100000n, ethers.zeroPadValue("0x6c696e64656e", 32)],
    label: "`KeccakChain.chain(100000, seed)`: a chain of 100,000 keccak-256 of 64 bytes" },
  { contract: "TransferLoop", fn: "run(uint256,uint256,uint256)", args: [2000n, 200n, 42n],
    label: "`TransferLoop.run(2000, 200, seed)`: 2,000 ERC-20 `transfer` calls to 200 recipients in one call" },
  { contract: "Precompiles", fn: "pairings(uint256,uint256)", args: [20n, 7n], expect: 20n,
    label: "`Precompiles.pairings(20, seed)`: 20 BN254 pairing checks of 2 pairs (0x08), each after a 0x07 multiplication" },
  { contract: "Precompiles", fn: "modexps(uint256,uint256,uint256)", args: [4n, 192n, 7n],
    label: "`Precompiles.modexps(4, 192, seed)`: 4 MODEXP (0x05) of 1536-bit base, exponent and modulus" },
];

// EVM_BENCH_ONLY=Name[,Name...] keeps only the calls whose contract or contract.function
// matches (for profiling one of them).
const only = process.env.EVM_BENCH_ONLY ? process.env.EVM_BENCH_ONLY.split(",") : null;
if (only) {
  const keep = CALLS.filter((c) => only.includes(c.contract) || only.includes(`${c.contract}.${c.fn.slice(0, c.fn.indexOf("("))}`));
  if (!keep.length) throw new Error(`EVM_BENCH_ONLY=${process.env.EVM_BENCH_ONLY} matches no call`);
  CALLS.splice(0, CALLS.length, ...keep);
}

function compile() {
  const names = [...new Set(CALLS.map((c) => c.contract))];
  const sources = {};
  for (const name of names) {
    sources[`${name}.sol`] = { content: readFileSync(new URL(`../contracts/${name}.sol`, import.meta.url), "utf8") };
  }
  // The settings of bench/contracts/compile.js (the JMH benchmark's bytecode).
  const settings = {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "prague",
    outputSelection: { "*": { "*": ["evm.bytecode.object", "evm.methodIdentifiers"] } },
  };
  const out = JSON.parse(solc.compile(JSON.stringify({ language: "Solidity", sources, settings })));
  const errors = (out.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const result = {};
  for (const name of names) result[name] = out.contracts[`${name}.sol`][name].evm;
  return result;
}

const compiled = compile();
const dev = ethers.computeAddress(DEV_KEY);

async function sendTx(url, chainId, nonce, to, data) {
  const { raw, hash } = sign(DEV_KEY, chainId, nonce, to, 0n, data, GAS);
  await rpc(url, "eth_sendRawTransaction", [raw]);
  const [receipt] = await receipts(url, [hash]);
  if (receipt.status !== "0x1") throw new Error(`${url}: transaction ${hash} failed`);
  return receipt;
}

// Deploy every contract on both nodes (automine: each deployment is mined at once).
const addresses = { linden: {}, anvil: {} };
for (const [node, url] of Object.entries(NODES)) {
  const chainId = BigInt(await rpc(url, "eth_chainId"));
  let nonce = Number(await rpc(url, "eth_getTransactionCount", [dev, "pending"]));
  for (const [name, evm] of Object.entries(compiled)) {
    const receipt = await sendTx(url, chainId, nonce++, null, "0x" + evm.bytecode.object);
    addresses[node][name] = receipt.contractAddress;
  }
}

const jobs = CALLS.map((c) => {
  const selector = compiled[c.contract].methodIdentifiers[c.fn];
  if (!selector) throw new Error(`${c.contract}: no function ${c.fn}`);
  const types = c.fn.slice(c.fn.indexOf("(") + 1, -1).split(",");
  const calldata = "0x" + selector + ethers.AbiCoder.defaultAbiCoder().encode(types, c.args).slice(2);
  return { ...c, calldata, ms: { linden: [], anvil: [] }, gas: {} };
});

function call(node, job) {
  return rpc(NODES[node], "eth_call", [
    { from: dev, to: addresses[node][job.contract], data: job.calldata, gas: "0x" + GAS.toString(16) },
    "latest",
  ]);
}

// One timed call; fails unless the node answers with the bytes the other node gave.
async function timed(node, job) {
  const t0 = process.hrtime.bigint();
  const result = await call(node, job);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (result !== job.result) {
    throw new Error(`${job.contract} ${job.fn}: ${node} returned ${result}, the other node ${job.result}`);
  }
  return ms;
}

// Result check first: both nodes must agree byte for byte (and with a known answer where
// there is one).
for (const job of jobs) {
  const l = await call("linden", job);
  const a = await call("anvil", job);
  if (l !== a) {
    throw new Error(`${job.contract} ${job.fn}: Linden returned ${l}, anvil ${a}`);
  }
  if (job.expect !== undefined && BigInt(l) !== job.expect) {
    throw new Error(`${job.contract} ${job.fn}: returned ${l}, expected ${job.expect}`);
  }
  job.result = l;
  process.stderr.write(`evm-bench: ${job.contract}.${job.fn.slice(0, job.fn.indexOf("("))} returns the same ${(l.length - 2) / 2} bytes on both nodes\n`);
}

// Warm-up, then the measured runs. Within a run each contract is called on both nodes
// back to back, the node that goes first alternating from run to run, so that a
// disturbance on the shared machine falls on both.
for (let w = 0; w < WARMUP; w++) {
  for (const job of jobs) for (const node of Object.keys(NODES)) await timed(node, job);
}
for (let r = 0; r < RUNS; r++) {
  const order = r % 2 === 0 ? ["linden", "anvil"] : ["anvil", "linden"];
  for (const job of jobs) {
    for (const node of order) job.ms[node].push(await timed(node, job));
  }
  process.stderr.write(`evm-bench: run ${r + 1}/${RUNS}: ` +
    jobs.map((j) => `${j.contract} ${j.ms.linden.at(-1).toFixed(1)}/${j.ms.anvil.at(-1).toFixed(1)} ms`).join(", ") + "\n");
}

// Gas: the same call mined as a transaction, last, since a transaction changes state
// (TransferLoop's balances) that the timed calls must not see.
for (const [node, url] of Object.entries(NODES)) {
  const chainId = BigInt(await rpc(url, "eth_chainId"));
  let nonce = Number(await rpc(url, "eth_getTransactionCount", [dev, "pending"]));
  for (const job of jobs) {
    const receipt = await sendTx(url, chainId, nonce++, addresses[node][job.contract], job.calldata);
    job.gas[node] = Number(BigInt(receipt.gasUsed));
  }
}

emit({
  solc: solc.version(),
  contracts: jobs.map((j) => ({
    name: `${j.contract}.${j.fn.slice(0, j.fn.indexOf("("))}`,
    label: j.label, calldata: j.calldata, result: j.result, ms: j.ms, gas: j.gas,
  })),
});
