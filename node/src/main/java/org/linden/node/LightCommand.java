package org.linden.node;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.config.Genesis;
import org.linden.chain.config.InvalidConfigException;
import org.linden.light.HeaderChain;
import org.linden.light.HttpUpstream;
import org.linden.light.LightClient;
import org.linden.light.Upstream;
import org.linden.light.UpstreamPool;
import org.linden.types.Fork;
import org.linden.types.Hash;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code linden light}: a light client over untrusted JSON-RPC servers, serving a local
 * endpoint that answers only with data verified against QBFT-sealed headers.
 */
@Command(name = "light", description = "Serve JSON-RPC locally, verifying every answer from untrusted --rpc servers.")
final class LightCommand implements Callable<Integer> {
  @Option(names = "--rpc", required = true, split = ",", paramLabel = "URL",
      description = "Upstream JSON-RPC servers, tried in turn when one fails or lies")
  List<URI> rpc;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Trust trust;

  static final class Trust {
    @Option(names = "--checkpoint", paramLabel = "BLOCKHASH", description = "Hash of a block trusted as the start")
    String checkpoint;

    @Option(names = "--genesis", paramLabel = "FILE", description = "The chain's genesis.json, trusted as the start")
    Path genesis;
  }

  @Option(names = "--chain-config", paramLabel = "FILE",
      description = "With --checkpoint: the chain's genesis.json for its fork rules (default: every fork active)")
  Path chainConfig;

  @Option(names = "--http.port", defaultValue = "8545", paramLabel = "P", description = "Local JSON-RPC port on 127.0.0.1")
  int port;

  @Option(names = "--datadir", paramLabel = "DIR", description = "Where the last verified header is kept (default ~/.linden-light)")
  Path datadir;

  @Override
  public Integer call() throws Exception {
    List<Upstream> upstreams = new ArrayList<>();
    rpc.forEach(u -> upstreams.add(new HttpUpstream(u)));
    UpstreamPool pool = new UpstreamPool(upstreams);
    BlockHeader anchor;
    ChainConfig config;
    if (trust.genesis != null) {
      Genesis g = readGenesis(trust.genesis);
      anchor = g.toHeader();
      config = g.config();
    } else {
      Hash checkpoint;
      try {
        checkpoint = Hash.fromHex(trust.checkpoint);
      } catch (IllegalArgumentException e) {
        throw new UsageError("--checkpoint must be a 32-byte block hash: " + trust.checkpoint);
      }
      anchor = HeaderChain.fetchCheckpoint(pool, checkpoint);
      config = chainConfig != null
          ? readGenesis(chainConfig).config()
          : ChainConfig.allForksThrough(Long.decode(upstreams.get(0).call("eth_chainId").asText()), Fork.OSAKA);
    }
    Path dir = datadir != null ? datadir : Path.of(System.getProperty("user.home"), ".linden-light");
    Files.createDirectories(dir);
    try (LightClient client = new LightClient(config, upstreams, anchor, dir, port)) {
      BlockHeader kept = client.headers().head();
      if (kept.number() > anchor.number()) {
        System.out.println("Resuming from verified block " + kept.number() + " " + kept.hash() + " kept in " + dir);
      }
      int bound = client.start();
      long start = System.nanoTime();
      BlockHeader head = client.headers().refreshHead();
      // How much catching up took: headers fetched and checked, and the time, so the work per
      // validator change can be seen (and measured by bench/light-bench.sh).
      System.out.println("Linden light client chain " + Long.toUnsignedString(config.chainId()) + ", verified block "
          + head.number() + " " + head.hash() + " (" + client.headers().headersFetched() + " headers checked in "
          + String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9) + " s), listening on http://127.0.0.1:" + bound);
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return 0;
  }

  private static Genesis readGenesis(Path file) {
    try {
      return Genesis.fromFile(file);
    } catch (InvalidConfigException e) {
      throw new UsageError("bad genesis " + file + ": " + e.getMessage());
    }
  }
}
