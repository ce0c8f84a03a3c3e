package org.linden.sync.net;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.linden.chain.store.Blockchain;
import org.linden.chain.txpool.TxPool;
import org.linden.chain.txpool.TxPoolConfig;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.transport.P2pConfig;
import org.linden.p2p.transport.P2pServer;
import org.linden.p2p.transport.Peer;

/** A node for tests: a chain, a pool, the eth protocol and a real RLPx server on 127.0.0.1. */
final class EthTestNode implements AutoCloseable {
  final String name;
  final Blockchain chain;
  final TxPool pool;
  final NodeKey key = NodeKey.random();
  final EthProtocol eth;
  final P2pServer server;

  EthTestNode(String name, Blockchain chain, EthConfig config, UnaryOperator<LocalChain> view) {
    this.name = name;
    this.chain = chain;
    this.pool = TxPool.forBlockchain(chain, TxPoolConfig.DEFAULT);
    this.eth = new EthProtocol(config, view.apply(new BlockchainView(chain)), PoolAccess.of(pool),
        BlockImporter.of(chain), new ChainHeaderRules(chain.config()));
    this.server = new P2pServer(key, P2pConfig.defaults().withListen("127.0.0.1", 0).withClientId("test-" + name),
        eth.protocols());
    eth.start();
    server.start();
  }

  EthTestNode(String name, Blockchain chain, EthConfig config) {
    this(name, chain, config, UnaryOperator.identity());
  }

  Peer connect(EthTestNode other) throws Exception {
    return server.connect(other.server.enode()).get(20, TimeUnit.SECONDS);
  }

  boolean hasPeer(EthTestNode other) {
    return server.peers().peer(other.key.nodeId()).isPresent();
  }

  List<Peer> peers() {
    return server.peers().peers();
  }

  @Override
  public void close() {
    server.close();
    eth.close();
  }

  @Override
  public String toString() {
    return name;
  }
}
