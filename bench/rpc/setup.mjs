// Prepares one node for the JSON-RPC benchmark (automine must be on): deploys the
// end-to-end tests' ERC-20 (e2e/contracts/Token.sol, compiled by e2e/lib/env.mjs with the
// pinned solc) from the first dev account, then gives each benchmark sender 10 ETH and a
// million tokens. Prints one JSON line: the token address and the eth_call data of
// balanceOf(first dev account), which the read benchmark posts.
//
// Usage: node bench/rpc/setup.mjs URL
import { contracts } from "../../e2e/lib/env.mjs";
import { ethers, rpc, sign, receipts, emit, DEV_KEY, GAS, senderAddresses } from "./lib.mjs";

const url = process.argv[2];
if (!url) throw new Error("usage: setup.mjs URL");

const dev = ethers.computeAddress(DEV_KEY);
const chainId = BigInt(await rpc(url, "eth_chainId"));
let nonce = Number(await rpc(url, "eth_getTransactionCount", [dev, "pending"]));
const { Token } = contracts();
const iface = new ethers.Interface(Token.abi);
const TOKENS_PER_SENDER = 10n ** 24n;

// One transaction at a time: with automine each is mined before the next is signed
// against it, and the set-up is not what is being measured.
async function send(to, value, data, gasLimit) {
  const { raw, hash } = sign(DEV_KEY, chainId, nonce++, to, value, data, gasLimit);
  await rpc(url, "eth_sendRawTransaction", [raw]);
  const [receipt] = await receipts(url, [hash]);
  if (receipt.status !== "0x1") throw new Error(`set-up transaction ${hash} failed`);
  return receipt;
}

const deployData = ethers.concat([Token.bytecode, ethers.AbiCoder.defaultAbiCoder().encode(["uint256"], [10n ** 30n])]);
const token = (await send(null, 0n, deployData, 2_000_000n)).contractAddress;
for (const s of senderAddresses) {
  await send(s, ethers.parseEther("10"), "0x", GAS.eth);
  await send(token, 0n, iface.encodeFunctionData("transfer", [s, TOKENS_PER_SENDER]), GAS.erc20);
}

// The read benchmark's eth_call must succeed and return what set-up left behind.
const balanceOf = iface.encodeFunctionData("balanceOf", [senderAddresses[0]]);
const got = BigInt(await rpc(url, "eth_call", [{ to: token, data: balanceOf }, "latest"]));
if (got !== TOKENS_PER_SENDER) throw new Error(`balanceOf returned ${got}, expected ${TOKENS_PER_SENDER}`);
emit({ token, balanceOf, chainId: chainId.toString() });
