package org.linden.light;

import java.nio.file.Path;
import java.util.List;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.rpc.JsonRpcServer;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcServerOptions;

/**
 * A running light client: the verified header chain over its upstreams and a JSON-RPC
 * endpoint on 127.0.0.1 answering from it.
 */
public final class LightClient implements AutoCloseable {
  private static final int MAX_BATCH = 1_000;

  private final HeaderChain headers;
  private final RpcDispatcher dispatcher;
  private final JsonRpcServer server;

  /**
   * @param anchor the trusted header: a checkpoint fetched and hash-checked, or a genesis
   * @param dataDir where the last verified header is kept, or null for nothing on disk
   */
  public LightClient(ChainConfig config, List<Upstream> upstreams, BlockHeader anchor, Path dataDir, int port) {
    UpstreamPool pool = new UpstreamPool(upstreams);
    this.headers = new HeaderChain(pool, anchor, dataDir == null ? null : new HeadStore(dataDir));
    this.dispatcher = new RpcDispatcher(MAX_BATCH);
    new LightApi(config, pool, headers).register(dispatcher);
    this.server = new JsonRpcServer(dispatcher, RpcServerOptions.defaults("127.0.0.1", port));
  }

  /** Starts serving and returns the bound port. */
  public int start() {
    return server.start();
  }

  public HeaderChain headers() {
    return headers;
  }

  public RpcDispatcher dispatcher() {
    return dispatcher;
  }

  @Override
  public void close() {
    server.close();
  }
}
