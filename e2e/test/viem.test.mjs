// viem against the node: a transfer, contract deployment, reads, logs and fee history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createPublicClient, createWalletClient, http, parseEther, parseAbiItem, defineChain } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { RPC_URL, DEV_KEYS, contracts } from "../lib/env.mjs";

const probe = createPublicClient({ transport: http(RPC_URL) });
const chain = defineChain({
  id: await probe.getChainId(),
  name: "linden-under-test",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [RPC_URL] } },
});
const client = createPublicClient({ chain, transport: http(RPC_URL) });
const account = privateKeyToAccount(DEV_KEYS[2]);
const wallet = createWalletClient({ account, chain, transport: http(RPC_URL) });

test("viem: an EIP-1559 transfer", async () => {
  const to = "0x000000000000000000000000000000000000dEaD";
  const before = await client.getBalance({ address: to });
  const hash = await wallet.sendTransaction({ to, value: parseEther("0.25") });
  const receipt = await client.waitForTransactionReceipt({ hash });
  assert.equal(receipt.status, "success");
  assert.equal(receipt.type, "eip1559");
  assert.equal(await client.getBalance({ address: to }), before + parseEther("0.25"));
  const block = await client.getBlock({ blockNumber: receipt.blockNumber, includeTransactions: true });
  assert.ok(block.transactions.some((t) => t.hash === hash));
});

test("viem: deploy, read, write and find logs", async () => {
  const { Token } = contracts();
  const hash = await wallet.deployContract({ abi: Token.abi, bytecode: Token.bytecode, args: [5000n] });
  const { contractAddress } = await client.waitForTransactionReceipt({ hash });
  assert.equal(await client.readContract({ address: contractAddress, abi: Token.abi, functionName: "balanceOf", args: [account.address] }), 5000n);
  const tx = await wallet.writeContract({ address: contractAddress, abi: Token.abi, functionName: "transfer",
    args: ["0x000000000000000000000000000000000000bEEF", 42n] });
  const receipt = await client.waitForTransactionReceipt({ hash: tx });
  const logs = await client.getLogs({
    address: contractAddress,
    event: parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 value)"),
    args: { to: "0x000000000000000000000000000000000000bEEF" },
    fromBlock: receipt.blockNumber,
    toBlock: receipt.blockNumber,
  });
  assert.equal(logs.length, 1);
  assert.equal(logs[0].args.value, 42n);
  await assert.rejects(client.simulateContract({ account, address: contractAddress, abi: Token.abi, functionName: "transfer",
    args: ["0x000000000000000000000000000000000000bEEF", 10_000n] }), (e) => {
    assert.match(e.message, /InsufficientBalance/);
    return true;
  });
});

test("viem: fee history and gas estimates", async () => {
  const history = await client.getFeeHistory({ blockCount: 3, rewardPercentiles: [50] });
  assert.equal(history.baseFeePerGas.length, history.gasUsedRatio.length + 1);
  const fees = await client.estimateFeesPerGas();
  assert.ok(fees.maxFeePerGas >= fees.maxPriorityFeePerGas);
  const gas = await client.estimateGas({ account, to: "0x000000000000000000000000000000000000dEaD", value: 1n });
  assert.equal(gas, 21000n);
});
