// Two @ethereumjs/devp2p nodes that speak eth/68 with Linden, on 127.0.0.1 only.
//
// Both are configured for the chain of GENESIS (a geth-format genesis.json): the network id
// is its chainId, the genesis hash is the parent hash of block 1 in CHAIN_RLP (the chain
// go-ethereum produced), and the fork ids come from @ethereumjs/common's own EIP-2124
// calculation. They present themselves as fresh nodes: head at genesis, fork at HARDFORK.
// Node "a" listens (Linden is to dial it), node "b" dials Linden. Each sends its Status,
// checks Linden's, then asks for headers 1..3 by number and for Linden's head by hash, and
// reports whether the answers hash to what the chain file says. GetBlockHeaders from Linden
// are answered with no headers (these nodes hold no blocks).
//
// Everything that happens is printed as one JSON object per line on stdout. The script
// ends when its standard input closes, or after three minutes at the latest.
//
// Environment: LINDEN_ID (128 hex chars), LINDEN_TCP, GENESIS, CHAIN_RLP, HARDFORK (default shanghai).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createCommonFromGethGenesis } from '@ethereumjs/common';
import { ETH, RLPx } from '@ethereumjs/devp2p';
import { RLP } from '@ethereumjs/rlp';
import { keccak256 } from 'ethereum-cryptography/keccak.js';

const HOST = '127.0.0.1';
const CODES = { STATUS: 0x00, GET_BLOCK_HEADERS: 0x03, BLOCK_HEADERS: 0x04 };

const hex = (bytes) => '0x' + Buffer.from(bytes).toString('hex');
const print = (event) => process.stdout.write(JSON.stringify(event) + '\n');
const toNumber = (bytes) => (bytes.length === 0 ? 0 : Number(BigInt(hex(bytes))));

// The chain file: block hashes by number, and the genesis hash from block 1's parent.
const hashByNumber = new Map();
const numberByHash = new Map();
let genesisHash;
{
  let rest = Uint8Array.from(readFileSync(process.env.CHAIN_RLP));
  while (rest.length > 0) {
    const { data, remainder } = RLP.decode(rest, true);
    const header = data[0];
    const number = toNumber(header[8]);
    const hash = hex(keccak256(RLP.encode(header)));
    if (number === 1) {
      genesisHash = header[0];
    }
    hashByNumber.set(number, hash);
    numberByHash.set(hash, number);
    rest = remainder;
  }
}
if (genesisHash === undefined) {
  throw new Error('no block 1 in ' + process.env.CHAIN_RLP);
}
hashByNumber.set(0, hex(genesisHash));
numberByHash.set(hex(genesisHash), 0);

const genesisJson = JSON.parse(readFileSync(process.env.GENESIS, 'utf8'));
const hardfork = process.env.HARDFORK ?? 'shanghai';
const common = createCommonFromGethGenesis(genesisJson, { chain: 'geth-ethtest', genesisHash, hardfork });
const forkHashes = Object.fromEntries(common.hardforks()
  .filter((hf) => hf.forkHash !== null && hf.forkHash !== undefined)
  .map((hf) => [hf.name, hf.forkHash]));

const lindenId = Uint8Array.from(Buffer.from(process.env.LINDEN_ID, 'hex'));
const lindenTcp = Number(process.env.LINDEN_TCP);

let nextRequestId = 1;

function speakEth(name, peer) {
  const eth = peer.getProtocols().find((p) => p instanceof ETH);
  if (eth === undefined) {
    print({ event: 'no-eth', node: name });
    return;
  }
  const asked = new Map();
  const ask = (what, origin, amount) => {
    const id = nextRequestId++;
    asked.set(id, what);
    eth.sendMessage(CODES.GET_BLOCK_HEADERS, [id, [origin, amount, 0, 0]]);
  };
  eth.events.on('status', (status) => {
    const remoteHead = hex(status.bestHash);
    print({
      event: 'status',
      node: name,
      networkId: BigInt(hex(status.chainId)).toString(),
      td: status.td.length === 0 ? '0' : BigInt(hex(status.td)).toString(),
      bestHash: remoteHead,
      genesisHash: hex(status.genesisHash),
      forkHash: hex(status.forkId[0]),
      forkNext: toNumber(status.forkId[1]),
    });
    ask('byNumber', 1, 3);
    ask('head', status.bestHash, 1);
  });
  eth.events.on('message', (code, payload) => {
    if (code === CODES.GET_BLOCK_HEADERS) {
      print({ event: 'linden-asked', node: name, message: 'GetBlockHeaders', origin: hex(payload[1][0]) });
      eth.sendMessage(CODES.BLOCK_HEADERS, [payload[0], []]);
    } else if (code === CODES.BLOCK_HEADERS) {
      const id = toNumber(payload[0]);
      const headers = payload[1].map((h) => ({ number: toNumber(h[8]), hash: hex(keccak256(RLP.encode(h))) }));
      print({
        event: 'headers',
        node: name,
        request: asked.get(id) ?? 'unknown',
        numbers: headers.map((h) => h.number).join(','),
        hashes: headers.map((h) => h.hash).join(','),
        matchChainFile: headers.length > 0 && headers.every((h) => hashByNumber.get(h.number) === h.hash),
      });
    } else if (code !== CODES.STATUS) {
      print({ event: 'message', node: name, code });
    }
  });
  try {
    eth.sendStatus({ td: Uint8Array.from(Buffer.from(genesisJson.difficulty.slice(2).padStart(2, '0'), 'hex')),
      bestHash: genesisHash, genesisHash });
  } catch (error) {
    print({ event: 'error', node: name, error: String(error) });
  }
}

function rlpx(name, key) {
  const node = new RLPx(key, { dpt: null, maxPeers: 10, capabilities: [ETH.eth68], common, timeout: 10000 });
  node.events.on('peer:added', (peer) => {
    print({ event: 'peer:added', node: name, id: Buffer.from(peer.getId()).toString('hex') });
    speakEth(name, peer);
  });
  node.events.on('peer:removed', (peer, reason, disconnectWe) => {
    print({ event: 'peer:removed', node: name, reason, byUs: !!disconnectWe });
  });
  node.events.on('peer:error', (peer, error) => print({ event: 'peer:error', node: name, error: String(error) }));
  node.events.on('error', (error) => print({ event: 'error', node: name, error: String(error) }));
  return node;
}

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const a = rlpx('a', keyA);
const b = rlpx('b', keyB);

a.events.once('listening', () => {
  const tcp = a._server.address().port;
  print({
    event: 'ready',
    a: { id: Buffer.from(a.id).toString('hex'), tcp },
    genesisHash: hex(genesisHash),
    networkId: common.chainId().toString(),
    ownForkHash: common.forkHash(hardfork),
    forkHashes,
    blocks: hashByNumber.size - 1,
  });
  b.connect({ id: lindenId, address: HOST, tcpPort: lindenTcp }).catch((e) => print({ event: 'error', node: 'b', error: String(e) }));
});
a.listen(0, HOST);

const stop = () => {
  for (const n of [a, b]) {
    try { n.destroy(); } catch { /* already closed */ }
  }
  setTimeout(() => process.exit(0), 200);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
setTimeout(stop, 180_000).unref();
