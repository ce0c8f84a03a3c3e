// Turns the JSON of calls.mjs into the Markdown section of the EVM benchmark. Exits with
// status 1 (after printing) when the two nodes disagree on the gas of a call.
//
// Usage: node bench/evm/table.mjs CALLS.json DATE COMMIT MACHINE JDK ANVIL LOAD_START LOAD_END COMMAND RUNS WARMUP
import { readFileSync } from "node:fs";

const [file, date, commit, machine, jdk, anvil, loadStart, loadEnd, command, runs, warmup] = process.argv.slice(2);
const data = JSON.parse(readFileSync(file, "utf8"));

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const spread = (xs) => {
  const s = sorted(xs);
  return `${ms(s[0])} / ${ms(median(s))} / ${ms(s.at(-1))}`;
};
const commas = (n) => n.toLocaleString("en-US");

let logSum = 0;
let gasMismatch = [];
const rows = data.contracts.map((c) => {
  const ratio = median(c.ms.linden) / median(c.ms.anvil);
  logSum += Math.log(ratio);
  if (c.gas.linden !== c.gas.anvil) gasMismatch.push(`${c.name}: Linden ${c.gas.linden}, anvil ${c.gas.anvil}`);
  const gas = c.gas.linden === c.gas.anvil ? commas(c.gas.linden) : `${commas(c.gas.linden)} ≠ ${commas(c.gas.anvil)}`;
  const mgas = (g, t) => (g / 1e3 / t).toFixed(0);
  return `| ${c.label} | ${gas} | ${spread(c.ms.linden)} | ${spread(c.ms.anvil)} | ${ratio.toFixed(2)} | ` +
    `${mgas(c.gas.linden, median(c.ms.linden))} / ${mgas(c.gas.anvil, median(c.ms.anvil))} |`;
});
const geomean = Math.exp(logSum / data.contracts.length);

const out = [];
out.push(`EVM \`eth_call\`, ${date}, ${commit}; ${machine}, ${jdk}, ${anvil}, solc-js ${data.solc}` +
  ` (optimizer on, 200 runs, EVM version prague); load average ${loadStart} at the start, ${loadEnd} at the end.`);
out.push("");
out.push("Command:");
out.push("");
out.push("```");
out.push(command);
out.push("```");
out.push("");
out.push(`${runs} measured calls per contract and node after ${warmup} unrecorded ones, the nodes taking turns;` +
  " wall time of the whole JSON-RPC request as the client sees it. Both nodes returned the same bytes for every call." +
  " Gas is the receipt's gas used when the same call is mined as a transaction (21,000 and the calldata included)," +
  ` ${gasMismatch.length ? "and DIFFERS between the nodes: " + gasMismatch.join("; ") : "equal on both nodes"};` +
  " MGas/s is that gas over the median time.");
out.push("");
out.push("| call | gas | Linden ms (min / median / max) | anvil ms (min / median / max) | Linden / anvil (medians) | MGas/s Linden / anvil |");
out.push("| --- | --- | --- | --- | --- | --- |");
out.push(...rows);
out.push(`| geometric mean of the ratios | | | | ${geomean.toFixed(2)} | |`);
process.stdout.write(out.join("\n") + "\n");
if (gasMismatch.length) {
  process.stderr.write(`evm-bench: gas differs between the nodes: ${gasMismatch.join("; ")}\n`);
  process.exit(1);
}
