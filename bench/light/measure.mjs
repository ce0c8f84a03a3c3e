// Measures the light client against the node behind it: catch-up time, requests and bytes
// through a counting proxy, then (with --calls) eth_getBalance and eth_call latency through
// the light client and straight to the node. Prints one JSON object (bench/light/table.mjs
// turns a run's objects into Markdown).
//
// Usage: node measure.mjs --node URL --linden LAUNCHER --datadir DIR
//          (--genesis FILE | --checkpoint BLOCKHASH --chain-config FILE)
//          [--calls N] [--contract ADDRESS] [--label TEXT] [--start TEXT] [--changes N]
//
//   --calls N           sequential requests per latency figure; 0 (the default) measures catch-up only
//   --contract ADDRESS  a deployed contract whose call returns 42 (its slot 0); without it one is
//                       deployed from the first dev account, which needs a network that seals blocks
//   --label, --start, --changes  copied into the output: the chain, where the light client starts,
//                       and how many validator changes lie between there and the head
import http from "node:http";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

// ethers comes from e2e/, where its pinned version is installed.
const { ethers } = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "e2e", "package.json"))("ethers");

const opts = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  if (!argv[i].startsWith("--") || argv[i + 1] === undefined) throw new Error(`measure.mjs: bad argument ${argv[i]}`);
  opts[argv[i].slice(2)] = argv[i + 1];
}
if (!opts.node || !opts.linden || !opts.datadir || !(opts.genesis || (opts.checkpoint && opts["chain-config"]))) {
  throw new Error("usage: measure.mjs --node URL --linden LAUNCHER --datadir DIR (--genesis FILE | --checkpoint HASH --chain-config FILE) [--calls N] [--contract ADDRESS]");
}
const CALLS = Number(opts.calls ?? 0);
const KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

// A proxy on 127.0.0.1 that forwards to the node and counts requests (by method) and bytes both ways.
const upstream = new URL(opts.node);
const counts = { up: 0, down: 0, requests: 0, methods: {} };
const proxy = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    counts.up += body.length;
    counts.requests++;
    try {
      const parsed = JSON.parse(body);
      for (const call of Array.isArray(parsed) ? parsed : [parsed]) {
        counts.methods[call.method] = (counts.methods[call.method] ?? 0) + 1;
      }
    } catch {
      counts.methods["(not JSON)"] = (counts.methods["(not JSON)"] ?? 0) + 1;
    }
    const out = http.request({ host: upstream.hostname, port: upstream.port, path: "/", method: "POST",
      headers: { "content-type": "application/json", "content-length": body.length } }, (r) => {
      const back = [];
      r.on("data", (c) => back.push(c));
      r.on("end", () => {
        const answer = Buffer.concat(back);
        counts.down += answer.length;
        res.writeHead(r.statusCode, { "content-type": "application/json" });
        res.end(answer);
      });
    });
    out.on("error", (e) => { res.writeHead(502); res.end(String(e)); });
    out.end(body);
  });
});
await new Promise((ok) => proxy.listen(0, "127.0.0.1", ok));
const proxyUrl = `http://127.0.0.1:${proxy.address().port}`;

const direct = new ethers.JsonRpcProvider(opts.node, undefined, { staticNetwork: true, cacheTimeout: -1 });
const target = await direct.getBlockNumber();

// Catch-up: from the trusted block to the head, timed from launch to the line saying it
// listens (so with the JVM start), next to the client's own time for the catch-up alone.
const trust = opts.genesis ? ["--genesis", opts.genesis] : ["--checkpoint", opts.checkpoint, "--chain-config", opts["chain-config"]];
const started = process.hrtime.bigint();
const light = spawn(opts.linden, ["light", "--rpc", proxyUrl, ...trust, "--http.port", "0", "--datadir", opts.datadir],
  { stdio: ["ignore", "pipe", "inherit"] });
const served = await new Promise((ok, fail) => {
  let text = "";
  light.stdout.on("data", (c) => {
    text += c;
    const m = text.match(/verified block (\d+) \S+ \((\d+) headers checked in ([\d.]+) s\), listening on (http:\/\/127\.0\.0\.1:\d+)/);
    if (m) ok({ block: Number(m[1]), headers: Number(m[2]), seconds: Number(m[3]), url: m[4] });
  });
  light.on("exit", (code) => fail(new Error(`the light client exited (${code}): ${text}`)));
});
const launchMs = Number(process.hrtime.bigint() - started) / 1e6;
const catchUp = { requests: counts.requests, up: counts.up, down: counts.down, methods: { ...counts.methods } };

const latency = [];
if (CALLS > 0) {
  const viaLight = new ethers.JsonRpcProvider(served.url, undefined, { staticNetwork: true, cacheTimeout: -1 });
  const wallet = new ethers.Wallet(KEY, direct);
  let contract = opts.contract;
  if (!contract) {
    // A contract whose call reads storage: returns slot 0 (set to 42 by its constructor).
    // constructor: PUSH1 42 PUSH1 0 SSTORE; runtime: PUSH1 0 SLOAD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
    const runtime = "0x60005460005260206000f3";
    const init = "0x602a600055" + "600b" + "6011" + "6000" + "39" + "600b" + "6000" + "f3" + runtime.slice(2);
    const deployed = await (await wallet.sendTransaction({ data: init, type: 2 })).wait();
    contract = deployed.contractAddress;
    for (let i = 0; i < 240 && (await viaLight.getBlockNumber()) < deployed.blockNumber; i++) {
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }

  async function measure(provider, fn) {
    await fn(provider);
    const times = [];
    for (let i = 0; i < CALLS; i++) {
      const t = process.hrtime.bigint();
      await fn(provider);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(CALLS / 2)], p99: times[Math.min(CALLS - 1, Math.floor(CALLS * 0.99))] };
  }
  const balance = async (p) => p.getBalance(wallet.address, "latest");
  const call = async (p) => {
    const out = await p.call({ to: contract, data: "0x" });
    if (BigInt(out) !== 42n) throw new Error(`eth_call answered ${out}`);
  };
  for (const [method, fn] of [["eth_getBalance", balance], ["eth_call (one SLOAD)", call]]) {
    const node = await measure(direct, fn);
    const viaTheLightClient = await measure(viaLight, fn);
    latency.push({ method, node, light: viaTheLightClient });
  }
}
light.kill("SIGTERM");
proxy.close();

console.log(JSON.stringify({
  label: opts.label ?? "", start: opts.start ?? (opts.genesis ? "genesis" : opts.checkpoint),
  changes: opts.changes === undefined ? null : Number(opts.changes), target, block: served.block,
  headers: served.headers, catchUpSeconds: served.seconds, launchSeconds: launchMs / 1000, ...catchUp,
  calls: CALLS, latency,
}));
process.exit(0);
