// ethers v6 against the node: transfers, an ERC-20, logs, errors, CREATE2, subscriptions,
// fee history and a set-code (EIP-7702) transaction.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ethers } from "ethers";
import WebSocket from "ws";
import { RPC_URL, WS_URL, DEV_KEYS, contracts } from "../lib/env.mjs";

const provider = new ethers.JsonRpcProvider(RPC_URL, undefined, { staticNetwork: true, cacheTimeout: -1 });
const alice = new ethers.Wallet(DEV_KEYS[0], provider);
const bob = new ethers.Wallet(DEV_KEYS[1], provider);
const nonces = new ethers.NonceManager(alice);

test("chain id and an EIP-1559 transfer", async () => {
  const network = await provider.getNetwork();
  assert.ok(network.chainId > 0n);
  const to = ethers.Wallet.createRandom().address;
  const before = await provider.getBalance(to);
  const tx = await nonces.sendTransaction({ to, value: ethers.parseEther("1.5"), type: 2 });
  const receipt = await tx.wait();
  assert.equal(receipt.status, 1);
  assert.equal(receipt.type, 2);
  assert.equal(await provider.getBalance(to), before + ethers.parseEther("1.5"));
  const fetched = await provider.getTransaction(tx.hash);
  assert.equal(fetched.hash, tx.hash);
  assert.equal(fetched.blockNumber, receipt.blockNumber);
});

test("an ERC-20 deployed and transferred, events found by address, topics and range", async () => {
  const { Token } = contracts();
  const factory = new ethers.ContractFactory(Token.abi, Token.bytecode, nonces);
  const token = await factory.deploy(1_000_000n);
  const deployReceipt = await token.deploymentTransaction().wait();
  const address = await token.getAddress();
  assert.equal(await token.balanceOf(alice.address), 1_000_000n);
  const tx = await token.transfer(bob.address, 250n);
  const receipt = await tx.wait();
  assert.equal(receipt.status, 1);
  assert.equal(await token.balanceOf(bob.address), 250n);

  const transferTopic = token.interface.getEvent("Transfer").topicHash;
  const logs = await provider.getLogs({
    address,
    topics: [transferTopic, ethers.zeroPadValue(alice.address, 32), ethers.zeroPadValue(bob.address, 32)],
    fromBlock: deployReceipt.blockNumber,
    toBlock: receipt.blockNumber,
  });
  assert.equal(logs.length, 1);
  const parsed = token.interface.parseLog(logs[0]);
  assert.equal(parsed.args.value, 250n);
  const mints = await token.queryFilter(token.filters.Transfer(ethers.ZeroAddress), deployReceipt.blockNumber);
  assert.equal(mints.length, 1);
  assert.equal(mints[0].args.value, 1_000_000n);
});

test("revert reasons and custom errors are decoded", async () => {
  const { Token } = contracts();
  const token = await new ethers.ContractFactory(Token.abi, Token.bytecode, nonces).deploy(10n);
  await token.waitForDeployment();
  await assert.rejects(token.transfer.staticCall(bob.address, 11n), (e) => {
    assert.equal(e.code, "CALL_EXCEPTION");
    assert.equal(e.revert?.name, "InsufficientBalance");
    assert.deepEqual([...e.revert.args], [10n, 11n]);
    return true;
  });
  const asBob = token.connect(bob);
  await assert.rejects(asBob.transferFrom.staticCall(alice.address, bob.address, 1n), (e) => {
    assert.equal(e.reason, "allowance too small");
    return true;
  });
  await assert.rejects(token.transfer.estimateGas(bob.address, 11n), (e) => e.code === "CALL_EXCEPTION");
});

test("CREATE2 addresses are predicted", async () => {
  const { Factory, Token } = contracts();
  const factory = await new ethers.ContractFactory(Factory.abi, Factory.bytecode, nonces).deploy();
  await factory.waitForDeployment();
  const salt = ethers.id("linden");
  const initCode = ethers.concat([Token.bytecode, ethers.AbiCoder.defaultAbiCoder().encode(["uint256"], [77n])]);
  const predicted = ethers.getCreate2Address(await factory.getAddress(), salt, ethers.keccak256(initCode));
  const receipt = await (await factory.deploy(salt, 77n)).wait();
  const event = receipt.logs.map((l) => factory.interface.parseLog(l)).find((l) => l?.name === "Deployed");
  assert.equal(event.args.token, predicted);
  assert.notEqual(await provider.getCode(predicted), "0x");
});

test("WebSocket subscriptions deliver new heads and logs", async () => {
  // Raw JSON-RPC over a WebSocket, so every subscription is explicitly closed before the socket.
  const { Token } = contracts();
  const token = await new ethers.ContractFactory(Token.abi, Token.bytecode, nonces).deploy(1000n);
  await token.waitForDeployment();
  const address = await token.getAddress();
  const socket = new WebSocket(WS_URL);
  await new Promise((resolve, reject) => { socket.once("open", resolve); socket.once("error", reject); });
  const pending = new Map();
  const notifications = [];
  let waiter = null;
  socket.on("message", (raw) => {
    const msg = JSON.parse(raw.toString());
    if (msg.id !== undefined && pending.has(msg.id)) {
      pending.get(msg.id)(msg);
      pending.delete(msg.id);
    } else if (msg.method === "eth_subscription") {
      notifications.push(msg.params);
      if (waiter) waiter();
    }
  });
  let nextId = 1;
  const call = (method, params) => new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
  });
  try {
    const heads = (await call("eth_subscribe", ["newHeads"])).result;
    const logs = (await call("eth_subscribe", ["logs", { address }])).result;
    assert.ok(heads && logs && heads !== logs);
    const receipt = await (await token.transfer(bob.address, 5n)).wait();
    const seen = () => notifications.some((n) => n.subscription === heads && BigInt(n.result.number) === BigInt(receipt.blockNumber))
      && notifications.some((n) => n.subscription === logs && n.result.transactionHash === receipt.hash);
    while (!seen()) {
      await new Promise((resolve) => { waiter = resolve; });
    }
    const log = notifications.find((n) => n.subscription === logs).result;
    assert.equal(log.address.toLowerCase(), address.toLowerCase());
    assert.equal(BigInt(log.data), 5n);
    assert.equal(log.removed, false);
    assert.equal((await call("eth_unsubscribe", [heads])).result, true);
    assert.equal((await call("eth_unsubscribe", [logs])).result, true);
  } finally {
    socket.close();
  }
});

test("fee history", async () => {
  const history = await provider.send("eth_feeHistory", ["0x4", "latest", [25, 75]]);
  assert.ok(history.oldestBlock.startsWith("0x"));
  assert.equal(history.baseFeePerGas.length, history.gasUsedRatio.length + 1);
  assert.equal(history.reward.length, history.gasUsedRatio.length);
  const fee = await provider.getFeeData();
  assert.ok(fee.maxFeePerGas > 0n);
});

test("an EIP-7702 set-code transaction delegates an account", async () => {
  const { Token } = contracts();
  const target = await new ethers.ContractFactory(Token.abi, Token.bytecode, nonces).deploy(1n);
  await target.waitForDeployment();
  const eoa = ethers.Wallet.createRandom().connect(provider);
  await (await nonces.sendTransaction({ to: eoa.address, value: ethers.parseEther("1") })).wait();
  const auth = await eoa.authorize({ address: await target.getAddress(), nonce: 0, chainId: (await provider.getNetwork()).chainId });
  // The call runs the delegated code in the account's context: totalSupply() reads its (empty) storage.
  const data = target.interface.encodeFunctionData("totalSupply");
  const tx = await nonces.sendTransaction({ type: 4, to: eoa.address, data, authorizationList: [auth], gasLimit: 100_000 });
  const receipt = await tx.wait();
  assert.equal(receipt.status, 1);
  const code = await provider.getCode(eoa.address);
  assert.equal(code.toLowerCase(), ("0xef0100" + (await target.getAddress()).slice(2)).toLowerCase());
  const delegated = new ethers.Contract(eoa.address, contracts().Token.abi, provider);
  assert.equal(await delegated.totalSupply(), 0n);
});

test("debug_traceTransaction with the call tracer", async () => {
  const { Factory, Token } = contracts();
  const token = await new ethers.ContractFactory(Token.abi, Token.bytecode, nonces).deploy(100n);
  await token.waitForDeployment();
  const factory = await new ethers.ContractFactory(Factory.abi, Factory.bytecode, nonces).deploy();
  await factory.waitForDeployment();
  await (await token.transfer(await factory.getAddress(), 50n)).wait();
  const tx = await factory.forward(await token.getAddress(), bob.address, 20n);
  await tx.wait();
  const trace = await provider.send("debug_traceTransaction", [tx.hash, { tracer: "callTracer" }]);
  assert.equal(trace.type, "CALL");
  assert.equal(trace.to.toLowerCase(), (await factory.getAddress()).toLowerCase());
  assert.equal(trace.calls.length, 1);
  assert.equal(trace.calls[0].type, "CALL");
  assert.equal(trace.calls[0].to.toLowerCase(), (await token.getAddress()).toLowerCase());
});
