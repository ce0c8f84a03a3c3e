// The explorer's validators page in a real browser, against a QBFT validator: headless
// Chromium (Debian's) driven by playwright-core. LINDEN_QBFT_RPC is the validator whose
// explorer is opened; LINDEN_VALIDATOR is its address; LINDEN_VOTE_FOR an address it has a
// pending vote to remove.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openBrowser } from "../lib/browser.mjs";

const RPC_URL = process.env.LINDEN_QBFT_RPC;
const VALIDATOR = (process.env.LINDEN_VALIDATOR ?? "").toLowerCase();
const VOTE_FOR = (process.env.LINDEN_VOTE_FOR ?? "").toLowerCase();
const WAIT = { timeout: 30_000 };

let browser;
let page;
const problems = [];

before(async () => {
  browser = await openBrowser(problems);
  page = browser.page;
});

after(async () => {
  await browser?.close();
});

test("the validators page shows the set, who proposed and sealed recent blocks, and pending votes", async () => {
  assert.ok(RPC_URL && VALIDATOR && VOTE_FOR, "LINDEN_QBFT_RPC, LINDEN_VALIDATOR and LINDEN_VOTE_FOR must be set");
  await page.goto(`${RPC_URL}/explorer/#/validators`);
  const set = page.locator('[data-testid="validators"]');
  await set.waitFor(WAIT);
  assert.match((await set.innerText()).toLowerCase(), new RegExp(VALIDATOR.slice(2, 12)));
  const recent = page.locator('[data-testid="recent-seals"] tbody tr');
  await recent.first().waitFor(WAIT);
  const first = (await recent.first().innerText()).toLowerCase();
  assert.match(first, new RegExp(VALIDATOR.slice(2, 12)), "the proposer of the latest block");
  assert.match(first, /1 of 1/, "sealed by the only validator");
  assert.match(await page.locator('[data-testid="recent-seals"]').innerText(), /needed a round change/);
  const votes = (await page.locator('[data-testid="pending-votes"]').innerText()).toLowerCase();
  assert.match(votes, new RegExp(VOTE_FOR.slice(2, 12)));
  assert.match(votes, /remove/);
  await browser.screenshot("validators");
});

test("a block page names its proposer and the validators that committed it", async () => {
  await page.goto(`${RPC_URL}/explorer/#/block/1`);
  await page.locator('[data-testid="block-page"]').waitFor(WAIT);
  const committers = (await page.locator('[data-testid="committers"]').innerText()).toLowerCase();
  assert.match(committers, new RegExp(VALIDATOR.slice(2, 12)));
  assert.match(await page.locator('[data-testid="block-page"]').innerText(), /Proposed by[\s\S]*in round 0/);
  await browser.screenshot("block-qbft");
});

test("no page raised an error or asked for anything outside the node", () => {
  assert.deepEqual(problems, []);
});
