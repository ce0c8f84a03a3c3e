// The explorer's peers page in a real browser, against a node that has a peer: headless
// Chromium (Debian's) driven by playwright-core. LINDEN_RPC is the node whose explorer is
// opened; LINDEN_PEER_ID is the node id of the peer it must list.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openBrowser } from "../lib/browser.mjs";

const RPC_URL = process.env.LINDEN_RPC;
const PEER_ID = process.env.LINDEN_PEER_ID;
const WAIT = { timeout: 30_000 };

let browser;
let page;
const problems = [];

before(async () => {
  assert.ok(RPC_URL, "LINDEN_RPC must name the node under test");
  assert.ok(PEER_ID, "LINDEN_PEER_ID must name the peer to look for");
  browser = await openBrowser(problems);
  page = browser.page;
});

after(async () => {
  await browser?.close();
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
  await browser.screenshot("peers-connected");
});

test("no page raised an error or asked for anything outside the node", () => {
  assert.deepEqual(problems, []);
});
