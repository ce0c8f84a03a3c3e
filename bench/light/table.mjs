// Turns the JSON lines of measure.mjs (one per light-client run) into the Markdown section of
// the light-client benchmark.
//
// Usage: node bench/light/table.mjs RUNS.jsonl DATE COMMIT MACHINE JDK LOAD_START LOAD_END COMMAND
import { readFileSync } from "node:fs";

const [file, date, commit, machine, jdk, loadStart, loadEnd, command] = process.argv.slice(2);
const runs = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));

const kib = (n) => (n / 1024).toFixed(1);
const commas = (n) => n.toLocaleString("en-US");
const out = [];
out.push(`Light client, ${date}, ${commit}; ${machine}, ${jdk}; load average ${loadStart} at the start,` +
  ` ${loadEnd} at the end.`);
out.push("");
out.push("Command:");
out.push("");
out.push("```");
out.push(command);
out.push("```");
out.push("");
out.push("Catch-up of `linden light` from the trusted block to the node's head. Headers checked: headers the client" +
  " fetched and verified by their seals (its own count); requests and bytes: everything it sent to and received" +
  " from the node through the counting proxy, JSON-RPC bodies only; catch-up s: the client's own time from its" +
  " first request to the verified head; launch s: from starting the process to the line saying it serves" +
  " (JVM start included).");
out.push("");
out.push("| chain | from | validator changes to cross | head | headers checked | requests (eth_getBlockByNumber) | sent KiB | received KiB | catch-up s | launch s |");
out.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const r of runs) {
  const changes = r.changes === null ? "?" : commas(r.changes);
  out.push(`| ${r.label} | ${r.start} | ${changes} | ${commas(r.block)} | ${r.headers} |` +
    ` ${r.requests} (${r.methods.eth_getBlockByNumber ?? 0}) | ${kib(r.up)} | ${kib(r.down)} |` +
    ` ${r.catchUpSeconds.toFixed(2)} | ${r.launchSeconds.toFixed(2)} |`);
}
for (const r of runs.filter((x) => x.latency.length)) {
  out.push("");
  out.push(`Latency over ${r.calls} sequential requests each, ${r.label}, light client started from ${r.start} (ms):`);
  out.push("");
  out.push("| method | node p50 | light p50 | node p99 | light p99 |");
  out.push("| --- | --- | --- | --- | --- |");
  for (const l of r.latency) {
    out.push(`| ${l.method} | ${l.node.p50.toFixed(2)} | ${l.light.p50.toFixed(2)} | ${l.node.p99.toFixed(2)} |` +
      ` ${l.light.p99.toFixed(2)} |`);
  }
}
process.stdout.write(out.join("\n") + "\n");
