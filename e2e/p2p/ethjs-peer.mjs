// An @ethereumjs/devp2p node for interoperability tests against Linden, on 127.0.0.1 only.
//
// Node "a" listens for RLPx and runs a DPT (discovery v4) on the same port number over
// UDP, bootstrapping from Linden's discovery; node "b" dials Linden's RLPx port.
// Everything that happens is printed as one JSON object per line on stdout. The script
// ends when its standard input closes, or after two minutes at the latest.
//
// Environment: LINDEN_ID (128 hex chars), LINDEN_TCP, LINDEN_UDP.
import { randomBytes } from 'node:crypto';
import { Common, Mainnet } from '@ethereumjs/common';
import { DPT, ETH, RLPx } from '@ethereumjs/devp2p';

const HOST = '127.0.0.1';
const lindenId = Uint8Array.from(Buffer.from(process.env.LINDEN_ID, 'hex'));
const lindenTcp = Number(process.env.LINDEN_TCP);
const lindenUdp = Number(process.env.LINDEN_UDP);
const common = new Common({ chain: Mainnet });

const hex = (bytes) => Buffer.from(bytes).toString('hex');
const print = (event) => process.stdout.write(JSON.stringify(event) + '\n');

function rlpx(name, key) {
  const node = new RLPx(key, { dpt: null, maxPeers: 10, capabilities: [ETH.eth68], common, timeout: 10000 });
  node.events.on('peer:added', (peer) => {
    const hello = peer.getHelloMessage();
    print({
      event: 'peer:added',
      node: name,
      id: hex(peer.getId()),
      clientId: hello.clientId,
      protocolVersion: hello.protocolVersion,
      capabilities: hello.capabilities.map((c) => `${c.name}/${c.version}`),
    });
  });
  node.events.on('peer:removed', (peer, reason, disconnectWe) => {
    print({ event: 'peer:removed', node: name, id: hex(peer.getId() ?? new Uint8Array()), reason, byUs: !!disconnectWe });
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
  const dpt = new DPT(keyA, {
    endpoint: { address: HOST, udpPort: tcp, tcpPort: tcp },
    refreshInterval: 1000,
    timeout: 3000,
    shouldGetDnsPeers: false,
  });
  dpt.events.on('peer:new', (peer) => print({
    event: 'dpt:peer:new', id: hex(peer.id), address: peer.address, udpPort: peer.udpPort, tcpPort: peer.tcpPort,
  }));
  dpt.events.on('error', (error) => print({ event: 'dpt:error', error: String(error) }));
  dpt.events.once('listening', () => {
    print({ event: 'ready', a: { id: hex(a.id), tcp, udp: tcp }, b: { id: hex(b.id) } });
    dpt.bootstrap({ address: HOST, udpPort: lindenUdp, tcpPort: lindenTcp }).catch((e) => print({ event: 'dpt:error', error: String(e) }));
    b.connect({ id: lindenId, address: HOST, tcpPort: lindenTcp }).catch((e) => print({ event: 'error', node: 'b', error: String(e) }));
  });
  dpt.bind(tcp, HOST);
  shutdown.push(() => dpt.destroy());
});
a.listen(0, HOST);

const shutdown = [() => a.destroy(), () => b.destroy()];
const stop = () => {
  for (const f of shutdown) {
    try { f(); } catch { /* already closed */ }
  }
  setTimeout(() => process.exit(0), 200);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
setTimeout(stop, 120_000).unref();
