// Shared set-up for the end-to-end tests: the node under test, its dev accounts, and
// the test contracts compiled once with the pinned solc-js.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import solc from "solc";

export const RPC_URL = process.env.LINDEN_RPC ?? "http://127.0.0.1:8545";
export const WS_URL = process.env.LINDEN_WS ?? RPC_URL.replace(/^http/, "ws");

// The first accounts of the standard test mnemonic, funded by the dev chain.
export const DEV_KEYS = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
];

let compiled;

/** Compiles contracts/Token.sol (Token and Factory) once; returns { Token, Factory } with abi and bytecode. */
export function contracts() {
  if (compiled) return compiled;
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const source = readFileSync(path.join(dir, "..", "contracts", "Token.sol"), "utf8");
  const input = {
    language: "Solidity",
    sources: { "Token.sol": { content: source } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "cancun",
      outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const c = output.contracts["Token.sol"];
  compiled = {
    Token: { abi: c.Token.abi, bytecode: "0x" + c.Token.evm.bytecode.object },
    Factory: { abi: c.Factory.abi, bytecode: "0x" + c.Factory.evm.bytecode.object },
  };
  return compiled;
}
