// The built-in explorer in a real browser: headless Chromium (Debian's, never one fetched by
// Playwright) driven by playwright-core against a running Linden dev node. Each page must
// render real data from the node, search must find a block, a transaction and an address,
// a transaction sent while the home page is open must appear without a reload, and bad
// input must give a "not found" page. Screenshots go to LINDEN_SCREENSHOTS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openBrowser } from "../lib/browser.mjs";
import { ethers } from "ethers";
import { RPC_URL, DEV_KEYS, contracts } from "../lib/env.mjs";

const EXPLORER = `${RPC_URL}/explorer/`;
// Bounded waits for conditions, never sleeps: generous, since CI machines are small.
const WAIT = { timeout: 30_000 };

let browser;
let page;
let provider;
let alice;
let bob;
const facts = {};
const problems = [];

/** The receipt of `hash`, polled directly (bounded), whether the transaction succeeded or not. */
async function receiptOf(hash) {
  for (let i = 0; i < 600; i++) {
    const receipt = await provider.send("eth_getTransactionReceipt", [hash]);
    if (receipt) return { status: Number(receipt.status), blockNumber: Number(receipt.blockNumber) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no receipt for ${hash}`);
}

async function send(wallet, request) {
  const tx = await wallet.sendTransaction(request);
  const receipt = await receiptOf(tx.hash);
  assert.equal(receipt.status, 1, `transaction ${tx.hash} failed`);
  return { hash: tx.hash, receipt };
}

before(async () => {
  provider = new ethers.JsonRpcProvider(RPC_URL, undefined, { staticNetwork: true, batchMaxCount: 1 });
  alice = new ethers.NonceManager(new ethers.Wallet(DEV_KEYS[0], provider));
  bob = ethers.Wallet.createRandom().address;
  const { Token, Factory } = contracts();

  const transfer = await send(alice, { to: bob, value: ethers.parseEther("1.25") });
  facts.transfer = transfer.hash;
  facts.transferBlock = transfer.receipt.blockNumber;

  const token = await new ethers.ContractFactory(Token.abi, Token.bytecode, alice).deploy(ethers.parseEther("1000"));
  await receiptOf(token.deploymentTransaction().hash);
  facts.token = (await token.getAddress()).toLowerCase();
  const tokenTx = await token.transfer(bob, ethers.parseEther("7"));
  await receiptOf(tokenTx.hash);
  facts.tokenTransfer = tokenTx.hash;

  // Reverts with a reason; an explicit gas limit skips estimation, which would refuse it.
  const failing = await token.transferFrom(bob, alice, 1n, { gasLimit: 100_000n });
  assert.equal((await receiptOf(failing.hash)).status, 0);
  facts.failed = failing.hash;

  const factory = await new ethers.ContractFactory(Factory.abi, Factory.bytecode, alice).deploy();
  await receiptOf(factory.deploymentTransaction().hash);
  // The factory forwards tokens of its own: give it some first.
  await receiptOf((await token.transfer(await factory.getAddress(), 10n)).hash);
  const forward = await factory.forward(facts.token, bob, 1n, { gasLimit: 200_000n });
  assert.equal((await receiptOf(forward.hash)).status, 1);
  facts.forward = forward.hash;

  browser = await openBrowser(problems);
  page = browser.page;
});

after(async () => {
  await browser?.close();
  provider?.destroy();
});

async function shot(name) {
  await browser.screenshot(name);
}

async function search(query) {
  await page.fill("#search-input", query);
  await page.press("#search-input", "Enter");
}

test("the home page shows the latest blocks, transactions, charts and node status", async () => {
  await page.goto(EXPLORER);
  const head = await provider.getBlockNumber();
  await page.locator(`[data-testid="latest-blocks"] a[href="#/block/${head}"]`).waitFor(WAIT);
  await page.locator(`[data-testid="latest-transactions"] a[href="#/tx/${facts.forward}"]`).waitFor(WAIT);
  assert.equal(await page.locator('[data-testid="charts"] svg').count(), 3);
  const status = await page.locator('[data-testid="node-status"]').innerText();
  assert.match(status, /Chain id\s+1,337/);
  assert.match(status, /Address index\s+on/);
  await shot("home");
});

test("a transaction sent while the home page is open appears without a reload", async () => {
  await page.goto(EXPLORER);
  await page.locator('[data-testid="latest-blocks"] tr').first().waitFor(WAIT);
  await page.evaluate(() => { window.__sameDocument = true; });
  const live = await send(alice, { to: bob, value: ethers.parseEther("0.5") });
  await page.locator(`[data-testid="latest-transactions"] a[href="#/tx/${live.hash}"]`).waitFor(WAIT);
  await page.locator(`[data-testid="latest-blocks"] a[href="#/block/${live.receipt.blockNumber}"]`).waitFor(WAIT);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, "the page was reloaded");
  await shot("home-live");
});

test("search finds a block by number and shows its page", async () => {
  await page.goto(EXPLORER);
  await search(String(facts.transferBlock));
  await page.locator('[data-testid="block-page"]').waitFor(WAIT);
  const block = await provider.getBlock(facts.transferBlock);
  assert.equal(await page.locator('[data-testid="block-hash"]').innerText(), block.hash);
  await page.locator(`[data-testid="block-transactions"] a[href="#/tx/${facts.transfer}"]`).waitFor(WAIT);
  await shot("block");
});

test("search finds a block by hash", async () => {
  const block = await provider.getBlock(facts.transferBlock);
  await search(block.hash);
  await page.waitForFunction((h) => location.hash === `#/block/${h}`, block.hash, WAIT);
  await page.locator('[data-testid="block-page"]').waitFor(WAIT);
  assert.equal(await page.locator('[data-testid="block-hash"]').innerText(), block.hash);
});

test("search finds a transaction and shows status, fee and value", async () => {
  await search(facts.transfer);
  await page.locator('[data-testid="tx-page"]').waitFor(WAIT);
  const text = await page.locator("main").innerText();
  assert.match(text, /Success/);
  assert.match(text, /1\.25 ETH/);
  assert.match(await page.locator('[data-testid="fee"]').innerText(), /Total fee/);
  await shot("transaction");
});

test("a token transfer's log is decoded as an ERC-20 Transfer", async () => {
  await page.goto(`${EXPLORER}#/tx/${facts.tokenTransfer}`);
  await page.locator('[data-testid="logs"]').waitFor(WAIT);
  assert.match(await page.locator('[data-testid="logs"]').innerText(), /ERC-20 Transfer[\s\S]*7 /);
  await shot("token-transfer");
});

test("a failed transaction shows its revert reason", async () => {
  await page.goto(`${EXPLORER}#/tx/${facts.failed}`);
  await page.locator('[data-testid="revert-reason"]').waitFor(WAIT);
  assert.match(await page.locator('[data-testid="revert-reason"]').innerText(), /allowance too small/);
  await shot("failed-transaction");
});

test("internal calls come from the call tracer", async () => {
  await page.goto(`${EXPLORER}#/tx/${facts.forward}`);
  await page.locator('[data-testid="internal-calls"]').waitFor(WAIT);
  const calls = await page.locator('[data-testid="internal-calls"]').innerText();
  assert.match(calls, /CALL/);
  await shot("internal-calls");
});

test("search finds an address with its balance, transactions and token transfers", async () => {
  await page.goto(EXPLORER);
  await search(bob);
  await page.locator('[data-testid="address-page"]').waitFor(WAIT);
  assert.match(await page.locator('[data-testid="balance"]').innerText(), /1\.75 ETH/);
  await page.locator(`[data-testid="address-transactions"] a[href="#/tx/${facts.transfer}"]`).waitFor(WAIT);
  await page.locator(`[data-testid="address-transfers"] a[href="#/tx/${facts.tokenTransfer}"]`).waitFor(WAIT);
  await shot("address");
});

test("a contract's address page shows its code", async () => {
  await page.goto(`${EXPLORER}#/address/${facts.token}`);
  await page.locator('[data-testid="address-page"]').waitFor(WAIT);
  assert.match(await page.locator('[data-testid="address-page"]').innerText(), /contract, [\d,]+ bytes of code/);
});

for (const [name, query] of [
  ["garbage", "hello world"],
  ["an unknown hash", "0x" + "00".repeat(31) + "01"],
  ["a block past the head", "99999999"],
]) {
  test(`searching for ${name} shows "not found"`, async () => {
    await page.goto(EXPLORER);
    await page.locator('[data-testid="latest-blocks"] tr').first().waitFor(WAIT);
    await search(query);
    await page.locator('[data-testid="not-found"]').waitFor(WAIT);
    assert.match(await page.locator('[data-testid="not-found"]').innerText(), /Not found/);
    await shot(`not-found-${name.replaceAll(" ", "-")}`);
  });
}

test("validators and peers pages render (or say they are not available)", async () => {
  for (const route of ["validators", "peers"]) {
    await page.goto(`${EXPLORER}#/${route}`);
    await page.locator(`[data-testid="${route}"], [data-testid="unavailable"]`).first().waitFor(WAIT);
  }
  await shot("peers");
});

test("no page raised an error or asked for anything outside the node", () => {
  assert.deepEqual(problems, []);
});
