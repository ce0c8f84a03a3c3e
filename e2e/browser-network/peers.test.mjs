// The explorer's peers page in a real browser, against a node that has a peer: headless
// Chromium (Debian's) driven by playwright-core. LINDEN_RPC is the node whose explorer is
// opened; LINDEN_PEER_ID is the node id of the peer it must list.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const RPC_URL = process.env.LINDEN_RPC;
const PEER_ID = process.env.LINDEN_PEER_ID;
const CHROMIUM = process.env.LINDEN_CHROMIUM ?? "/usr/bin/chromium";
const SHOTS = process.env.LINDEN_SCREENSHOTS ?? path.join(tmpdir(), "linden-explorer-screenshots");
const WAIT = { timeout: 30_000 };

let context;
let page;
let profile;
const problems = [];

before(async () => {
  assert.ok(RPC_URL, "LINDEN_RPC must name the node under test");
  assert.ok(PEER_ID, "LINDEN_PEER_ID must name the peer to look for");
  mkdirSync(SHOTS, { recursive: true });
  profile = mkdtempSync(path.join(tmpdir(), "linden-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 700 },
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (new URL(r.url()).hostname !== "127.0.0.1") problems.push(`request outside the node: ${r.url()}`);
  });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test("the peers page lists the connected peer with its client, protocols and traffic", async () => {
  await page.goto(`${RPC_URL}/explorer/#/peers`);
  const table = page.locator('[data-testid="peers"] table');
  await table.waitFor(WAIT);
  const row = table.locator("tbody tr").filter({ hasText: PEER_ID.slice(0, 16) });
  await row.waitFor(WAIT);
  const text = await row.innerText();
  assert.match(text, /Linden/);
  assert.match(text, /eth\/6[89]/);
  assert.match(text, /\d+(\.\d)? (B|KiB|MiB) \/ \d+(\.\d)? (B|KiB|MiB)/);
  assert.match(text, /inbound|outbound/);
  assert.match(await page.locator("h1").innerText(), /Peers \(1\)/);
  await page.screenshot({ path: path.join(SHOTS, "peers-connected.png"), fullPage: true });
});

test("no page raised an error or asked for anything outside the node", () => {
  assert.deepEqual(problems, []);
});
