// Measures the light client against the node behind it: catch-up time and bytes through a
// counting proxy, then eth_getBalance and eth_call latency through the light client and
// straight to the node. Prints a Markdown table.
//
// Usage: node measure.mjs NODE_URL LINDEN_LAUNCHER GENESIS DATADIR [--calls N]
import http from "node:http";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

// ethers comes from e2e/, where its pinned version is installed.
const { ethers } = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "e2e", "package.json"))("ethers");

const [nodeUrl, launcher, genesis, datadir, ...rest] = process.argv.slice(2);
if (!datadir) throw new Error("usage: measure.mjs NODE_URL LINDEN_LAUNCHER GENESIS DATADIR [--calls N]");
const CALLS = rest[0] === "--calls" ? Number(rest[1]) : 200;
const KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

// A proxy on 127.0.0.1 that forwards to the node and counts the bytes both ways.
const upstream = new URL(nodeUrl);
const bytes = { up: 0, down: 0, requests: 0 };
const proxy = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    bytes.up += body.length;
    bytes.requests++;
    const out = http.request({ host: upstream.hostname, port: upstream.port, path: "/", method: "POST",
      headers: { "content-type": "application/json", "content-length": body.length } }, (r) => {
      const back = [];
      r.on("data", (c) => back.push(c));
      r.on("end", () => {
        const answer = Buffer.concat(back);
        bytes.down += answer.length;
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

const direct = new ethers.JsonRpcProvider(nodeUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
const target = await direct.getBlockNumber();

// Catch-up: from the genesis to the head, timed from launch to the line saying it listens.
const started = process.hrtime.bigint();
const light = spawn(launcher, ["light", "--rpc", proxyUrl, "--genesis", genesis, "--http.port", "0", "--datadir", datadir],
  { stdio: ["ignore", "pipe", "inherit"] });
const lightUrl = await new Promise((ok, fail) => {
  let text = "";
  light.stdout.on("data", (c) => {
    text += c;
    const m = text.match(/verified block (\d+) \S+, listening on (http:\/\/127\.0\.0\.1:\d+)/);
    if (m) ok({ url: m[2], block: Number(m[1]) });
  });
  light.on("exit", (code) => fail(new Error(`the light client exited (${code}): ${text}`)));
});
const catchUpMs = Number(process.hrtime.bigint() - started) / 1e6;
const catchUp = { ...bytes };

const viaLight = new ethers.JsonRpcProvider(lightUrl.url, undefined, { staticNetwork: true, cacheTimeout: -1 });
const wallet = new ethers.Wallet(KEY, direct);
// A contract whose call reads storage: returns slot 0 (set to 42 by its constructor).
// constructor: PUSH1 42 PUSH1 0 SSTORE; runtime: PUSH1 0 SLOAD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
const runtime = "0x60005460005260206000f3";
const init = "0x602a600055" + "600b" + "6011" + "6000" + "39" + "600b" + "6000" + "f3" + runtime.slice(2);
const deployed = await (await wallet.sendTransaction({ data: init, type: 2 })).wait();
const contract = deployed.contractAddress;
for (let i = 0; i < 240 && (await viaLight.getBlockNumber()) < deployed.blockNumber; i++) {
  await new Promise((ok) => setTimeout(ok, 250));
}

async function latency(provider, fn) {
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
const rows = [];
for (const [name, fn] of [["eth_getBalance", balance], ["eth_call (one SLOAD)", call]]) {
  const d = await latency(direct, fn);
  const l = await latency(viaLight, fn);
  rows.push(`| ${name} | ${d.p50.toFixed(2)} | ${l.p50.toFixed(2)} | ${d.p99.toFixed(2)} | ${l.p99.toFixed(2)} |`);
}
light.kill("SIGTERM");
proxy.close();

const kib = (n) => (n / 1024).toFixed(1);
console.log(`Catch-up from the genesis to block ${lightUrl.block} (node at ${target} when launched): `
  + `${(catchUpMs / 1000).toFixed(2)} s from launch to serving, including the JVM start; `
  + `${catchUp.requests} requests, ${kib(catchUp.up)} KiB sent, ${kib(catchUp.down)} KiB received.`);
console.log("");
console.log(`Latency over ${CALLS} sequential requests each (ms):`);
console.log("");
console.log("| method | node p50 | light p50 | node p99 | light p99 |");
console.log("|---|---|---|---|---|");
for (const r of rows) console.log(r);
process.exit(0);
