// Foundry's cast against the node: send, call, balance, receipt and logs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { ethers } from "ethers";
import { RPC_URL, DEV_KEYS, contracts } from "../lib/env.mjs";

const CAST = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", "cast");
const cast = (...args) => execFileSync(CAST, [...args, "--rpc-url", RPC_URL], { encoding: "utf8", timeout: 60_000 }).trim();

test("cast: send, balance, receipt, call and logs", async () => {
  const provider = new ethers.JsonRpcProvider(RPC_URL);
  const deployer = new ethers.Wallet(DEV_KEYS[1], provider);
  const { Token } = contracts();
  const token = await new ethers.ContractFactory(Token.abi, Token.bytecode, deployer).deploy(900n);
  await token.waitForDeployment();
  const address = await token.getAddress();

  const to = "0x00000000000000000000000000000000000C0FFe";
  const before = BigInt(cast("balance", to));
  const sent = JSON.parse(cast("send", "--private-key", DEV_KEYS[1], "--json", to, "--value", "12345"));
  assert.equal(sent.status, "0x1");
  assert.equal(BigInt(cast("balance", to)), before + 12345n);
  const receipt = JSON.parse(cast("receipt", "--json", sent.transactionHash));
  assert.equal(receipt.transactionHash, sent.transactionHash);

  assert.equal(cast("call", address, "balanceOf(address)(uint256)", deployer.address).split(" ")[0], "900");
  const transfer = JSON.parse(cast("send", "--private-key", DEV_KEYS[1], "--json", address, "transfer(address,uint256)", to, "7"));
  assert.equal(transfer.status, "0x1");
  const logs = JSON.parse(cast("logs", "--json", "--address", address, "--from-block", transfer.blockNumber,
    "--to-block", transfer.blockNumber, "Transfer(address indexed,address indexed,uint256)"));
  assert.equal(logs.length, 1);
  assert.equal(BigInt(logs[0].data), 7n);
  provider.destroy();
});
