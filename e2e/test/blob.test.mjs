// EIP-4844 blob transactions against the node: ethers sends blobs in the EIP-7594 network
// form (cell proofs, the form from Osaka on), viem in the EIP-4844 form (one proof per blob, which
// eth_sendRawTransaction converts to cell proofs, as go-ethereum does); both with commitments and
// proofs from c-kzg, the reference KZG library.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import cKzg from "c-kzg";
import { JsonRpcProvider, Wallet, concat, hexlify } from "ethers";
import { createPublicClient, createWalletClient, http, defineChain, defineKzg } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { RPC_URL, DEV_KEYS } from "../lib/env.mjs";

const GAS_PER_BLOB = 131072n;
const TARGET_BLOB_GAS = 6n * GAS_PER_BLOB;
const SINK = "0x000000000000000000000000000000000000b10b";

// c-kzg's bundled mainnet setup. (viem's setupKzg passes a path alone, for the c-kzg 2 signature;
// c-kzg 4 takes (precompute, path), so the setup is loaded here and handed over with defineKzg.)
cKzg.loadTrustedSetup(0);
const kzg = defineKzg(cKzg);

async function rpc(method, params = []) {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** A blob whose field elements spell out a label (the first byte of each stays 0, below the modulus). */
function blob(label) {
  const data = new Uint8Array(Number(GAS_PER_BLOB));
  const text = new TextEncoder().encode(label.repeat(64));
  for (let i = 0, fe = 0; i < text.length; i += 31, fe++) {
    data.set(text.subarray(i, i + 31), fe * 32 + 1);
  }
  return data;
}

/** The EIP-4844 versioned hash: 0x01 then the last 31 bytes of the commitment's SHA-256. */
function versionedHash(commitment) {
  const digest = createHash("sha256").update(commitment).digest();
  digest[0] = 0x01;
  return hexlify(digest);
}

/** Checks the mined blob transaction through the raw RPC answers. */
async function checkMined(hash, from, versionedHashes, balanceBefore, maxFeePerBlobGas) {
  const receipt = await rpc("eth_getTransactionReceipt", [hash]);
  assert.equal(receipt.status, "0x1");
  assert.equal(receipt.type, "0x3");
  assert.equal(BigInt(receipt.blobGasUsed), GAS_PER_BLOB * BigInt(versionedHashes.length));
  assert.ok(receipt.blobGasPrice, "receipt.blobGasPrice");
  const blobGasPrice = BigInt(receipt.blobGasPrice);
  assert.ok(blobGasPrice >= 1n && blobGasPrice <= maxFeePerBlobGas);

  const tx = await rpc("eth_getTransactionByHash", [hash]);
  assert.equal(tx.type, "0x3");
  assert.deepEqual(tx.blobVersionedHashes, versionedHashes);
  assert.equal(BigInt(tx.maxFeePerBlobGas), maxFeePerBlobGas);
  assert.equal(tx.from.toLowerCase(), from.toLowerCase());

  const block = await rpc("eth_getBlockByHash", [receipt.blockHash, true]);
  assert.equal(BigInt(block.blobGasUsed), GAS_PER_BLOB * BigInt(versionedHashes.length));
  assert.ok(block.excessBlobGas, "block.excessBlobGas");
  const parent = await rpc("eth_getBlockByHash", [block.parentHash, false]);
  if (BigInt(parent.excessBlobGas) + BigInt(parent.blobGasUsed) < TARGET_BLOB_GAS) {
    assert.equal(BigInt(block.excessBlobGas), 0n);
  }
  const inBlock = block.transactions.find((t) => t.hash === hash);
  assert.ok(inBlock, "the block lists the transaction");
  assert.deepEqual(inBlock.blobVersionedHashes, versionedHashes);

  // The sender pays the execution gas and, burnt separately, the blob gas.
  const balanceAfter = BigInt(await rpc("eth_getBalance", [from, receipt.blockNumber]));
  const paid = BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice) + BigInt(receipt.blobGasUsed) * blobGasPrice;
  assert.equal(balanceBefore - balanceAfter, paid);
}

test("eth_blobBaseFee answers", async () => {
  const fee = BigInt(await rpc("eth_blobBaseFee"));
  assert.ok(fee >= 1n);
});

test("ethers: a type-3 transaction with two blobs and cell proofs (EIP-7594 network form)", async () => {
  const provider = new JsonRpcProvider(RPC_URL, undefined, { staticNetwork: true, pollingInterval: 250 });
  const wallet = new Wallet(DEV_KEYS[0], provider);
  const blobs = ["linden blob one ", "linden blob two "].map((label) => {
    const data = blob(label);
    const commitment = cKzg.blobToKzgCommitment(data);
    const [, cellProofs] = cKzg.computeCellsAndKzgProofs(data);
    return { data: hexlify(data), commitment: hexlify(commitment), proof: concat(cellProofs) };
  });
  const versionedHashes = blobs.map((b) => versionedHash(Buffer.from(b.commitment.slice(2), "hex")));
  const maxFeePerBlobGas = BigInt(await rpc("eth_blobBaseFee")) * 2n + 10n;
  const balanceBefore = await provider.getBalance(wallet.address);

  const sent = await wallet.sendTransaction({
    type: 3,
    to: SINK,
    blobs,
    blobWrapperVersion: 1,
    maxFeePerBlobGas,
    gasLimit: 21000n,
  });
  assert.deepEqual(sent.blobVersionedHashes, versionedHashes);
  const receipt = await sent.wait();
  assert.equal(receipt.status, 1);
  assert.equal(receipt.type, 3);
  assert.equal(receipt.blobGasUsed, 2n * GAS_PER_BLOB);
  await checkMined(sent.hash, wallet.address, versionedHashes, balanceBefore, maxFeePerBlobGas);
  provider.destroy();
});

test("viem: a type-3 transaction with one blob (EIP-4844 network form)", async () => {
  const probe = createPublicClient({ transport: http(RPC_URL) });
  const chain = defineChain({
    id: await probe.getChainId(),
    name: "linden-under-test",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [RPC_URL] } },
  });
  const client = createPublicClient({ chain, transport: http(RPC_URL) });
  const account = privateKeyToAccount(DEV_KEYS[1]);
  const wallet = createWalletClient({ account, chain, transport: http(RPC_URL) });
  const data = blob("viem blob ");
  const versionedHashes = [versionedHash(cKzg.blobToKzgCommitment(data))];
  const maxFeePerBlobGas = (await client.getBlobBaseFee()) * 2n + 10n;
  const balanceBefore = await client.getBalance({ address: account.address });

  const hash = await wallet.sendTransaction({ to: SINK, blobs: [data], kzg, maxFeePerBlobGas });
  const receipt = await client.waitForTransactionReceipt({ hash });
  assert.equal(receipt.status, "success");
  assert.equal(receipt.type, "eip4844");
  assert.equal(receipt.blobGasUsed, GAS_PER_BLOB);
  assert.ok(receipt.blobGasPrice >= 1n);
  const tx = await client.getTransaction({ hash });
  assert.deepEqual(tx.blobVersionedHashes, versionedHashes);
  await checkMined(hash, account.address, versionedHashes, balanceBefore, maxFeePerBlobGas);
});
