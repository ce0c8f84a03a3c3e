// ethers v6 pointed at a Linden light client (LINDEN_LIGHT_RPC) in front of a QBFT
// validator network: a balance, a contract deployed and called, a signed transaction
// sent through the light client, its receipt and logs, and eth_getLogs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ethers } from "ethers";
import solc from "solc";
import { DEV_KEYS } from "../lib/env.mjs";

const LIGHT_URL = process.env.LINDEN_LIGHT_RPC;
if (!LIGHT_URL) throw new Error("LINDEN_LIGHT_RPC must name the light client's JSON-RPC URL");

const provider = new ethers.JsonRpcProvider(LIGHT_URL, undefined, { staticNetwork: true, cacheTimeout: -1 });
const alice = new ethers.Wallet(DEV_KEYS[0], provider);

// A counter that logs every increment; chains from `network init` run London's rules.
const SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract Counter {
  uint256 public count;
  event Bumped(address indexed by, uint256 count);
  constructor(uint256 start) { count = start; }
  function bump(uint256 by) external { count += by; emit Bumped(msg.sender, count); }
}`;

function compile() {
  const input = {
    language: "Solidity",
    sources: { "Counter.sol": { content: SOURCE } },
    settings: { evmVersion: "cancun", outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const c = output.contracts["Counter.sol"].Counter;
  return { abi: c.abi, bytecode: "0x" + c.evm.bytecode.object };
}

/** Polls eth_getTransactionReceipt through the light client until the receipt is there. */
async function receiptOf(hash) {
  for (let i = 0; i < 240; i++) {
    const r = await provider.send("eth_getTransactionReceipt", [hash]);
    if (r) return r;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`no receipt for ${hash} through the light client`);
}

/** Signs with the nonce and fees read through the light client and sends the raw transaction through it. */
async function send(tx) {
  const populated = await alice.populateTransaction({ type: 2, ...tx });
  const signed = await alice.signTransaction(populated);
  const hash = await provider.send("eth_sendRawTransaction", [signed]);
  assert.equal(hash, ethers.keccak256(signed));
  return receiptOf(hash);
}

test("the chain id and a funded account's balance, nonce and code", async () => {
  assert.equal((await provider.getNetwork()).chainId, 1337n);
  assert.ok((await provider.getBalance(alice.address)) > ethers.parseEther("1000"));
  assert.ok((await provider.getTransactionCount(alice.address)) >= 0);
  assert.equal(await provider.getCode(alice.address), "0x");
  const head = await provider.getBlock("latest");
  assert.ok(head.number > 0);
});

test("a transfer sent through the light client, its receipt and the new balance", async () => {
  const to = ethers.Wallet.createRandom().address;
  const receipt = await send({ to, value: ethers.parseEther("2.5") });
  assert.equal(receipt.status, "0x1");
  assert.equal(receipt.to.toLowerCase(), to.toLowerCase());
  assert.equal(await provider.getBalance(to, BigInt(receipt.blockNumber)), ethers.parseEther("2.5"));
  const tx = await provider.getTransaction(receipt.transactionHash);
  assert.equal(tx.blockNumber, Number(receipt.blockNumber));
  assert.equal(tx.from, alice.address);
});

test("a contract deployed, called and bumped through the light client; its logs in the receipt and eth_getLogs", async () => {
  const { abi, bytecode } = compile();
  const iface = new ethers.Interface(abi);
  const deployReceipt = await send({ data: ethers.concat([bytecode, iface.encodeDeploy([40n])]) });
  assert.equal(deployReceipt.status, "0x1");
  const address = deployReceipt.contractAddress;
  assert.ok(ethers.isAddress(address));
  assert.notEqual(await provider.getCode(address), "0x");

  const counter = new ethers.Contract(address, abi, provider);
  assert.equal(await counter.count(), 40n);
  // Storage slot 0 holds the count, proven against the verified state root.
  assert.equal(BigInt(await provider.getStorage(address, 0)), 40n);

  const gas = await provider.estimateGas({ from: alice.address, to: address, data: iface.encodeFunctionData("bump", [2n]) });
  assert.ok(gas > 21000n);
  const receipt = await send({ to: address, data: iface.encodeFunctionData("bump", [2n]), gasLimit: gas * 2n });
  assert.equal(receipt.status, "0x1");
  assert.equal(await counter.count(), 42n);

  assert.equal(receipt.logs.length, 1);
  const logged = iface.parseLog(receipt.logs[0]);
  assert.equal(logged.name, "Bumped");
  assert.equal(logged.args.by, alice.address);
  assert.equal(logged.args.count, 42n);

  const topic = iface.getEvent("Bumped").topicHash;
  const logs = await provider.getLogs({
    address,
    topics: [topic, ethers.zeroPadValue(alice.address, 32)],
    fromBlock: Number(deployReceipt.blockNumber),
    toBlock: Number(receipt.blockNumber),
  });
  assert.equal(logs.length, 1);
  assert.equal(logs[0].transactionHash, receipt.transactionHash);
  assert.equal(iface.parseLog(logs[0]).args.count, 42n);
  const none = await provider.getLogs({
    address,
    topics: [topic, ethers.zeroPadValue(ethers.Wallet.createRandom().address, 32)],
    fromBlock: Number(deployReceipt.blockNumber),
    toBlock: Number(receipt.blockNumber),
  });
  assert.equal(none.length, 0);
});
