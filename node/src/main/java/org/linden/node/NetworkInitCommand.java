package org.linden.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.linden.chain.block.BlockHeader;
import org.linden.consensus.qbft.QbftExtraData;
import org.linden.consensus.qbft.ValidatorSet;
import org.linden.crypto.PrivateKey;
import org.linden.node.dev.DevGenesis;
import org.linden.p2p.identity.Enode;
import org.linden.types.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code linden network init}: a QBFT network on 127.0.0.1 in one directory — the genesis
 * (validators in extraData, the dev mnemonic's accounts funded), a key per validator (also
 * its p2p node key, so every enode is known in advance), each node's command line, and
 * {@code start.sh}/{@code stop.sh}.
 */
@Command(name = "init", description = "Write a QBFT genesis, validator keys and a start script for a local network.")
final class NetworkInitCommand implements Callable<Integer> {
  private static final String ETH_10K = "0x21e19e0c9bab2400000";

  @Option(names = "--validators", required = true, paramLabel = "N", description = "Number of validators")
  int validators;

  @Option(names = "--block-period", paramLabel = "S", defaultValue = "1", description = "Seconds between blocks")
  long blockPeriod;

  @Option(names = "--request-timeout", paramLabel = "S", defaultValue = "10",
      description = "Seconds a round may take before validators move to the next (doubled each round)")
  long requestTimeout;

  @Option(names = "--chain-id", paramLabel = "ID", defaultValue = "1337", description = "Chain id")
  long chainId;

  @Option(names = "--empty-blocks", arity = "1", paramLabel = "BOOL", defaultValue = "true",
      description = "Make blocks without transactions (false: wait for one)")
  boolean emptyBlocks;

  @Option(names = "--base-rpc-port", paramLabel = "PORT", defaultValue = "8545",
      description = "Node i serves JSON-RPC on PORT+i")
  int baseRpcPort;

  @Option(names = "--base-p2p-port", paramLabel = "PORT", defaultValue = "30303",
      description = "Node i listens for peers on PORT+i")
  int baseP2pPort;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write (must be empty or new)")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (validators < 1 || validators > 100) {
      throw new UsageError("--validators must be in 1..100");
    }
    if (blockPeriod < 1) {
      throw new UsageError("--block-period must be at least 1 second");
    }
    if (requestTimeout < 1) {
      throw new UsageError("--request-timeout must be at least 1 second");
    }
    if (Files.exists(out)) {
      try (var entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new UsageError(out + " is not empty");
        }
      }
    }
    Files.createDirectories(out);
    List<PrivateKey> keys = new ArrayList<>();
    for (int i = 0; i < validators; i++) {
      keys.add(PrivateKey.random());
    }
    // Node 0 holds the lowest address, so the proposer order matches the node numbers.
    keys.sort(Comparator.comparing(PrivateKey::address));
    Files.writeString(out.resolve("genesis.json"), genesis(keys));
    InetAddress loopback = InetAddress.getLoopbackAddress();
    List<String> enodes = new ArrayList<>();
    for (int i = 0; i < validators; i++) {
      enodes.add(Enode.of(keys.get(i).publicKey(), loopback, baseP2pPort + i).toString());
    }
    StringBuilder start = new StringBuilder("#!/bin/sh\n# Starts the network's nodes in the background; logs and pids in each node's directory.\n"
        + "cd \"$(dirname \"$0\")\"\nLINDEN=${LINDEN:-linden}\n");
    StringBuilder stop = new StringBuilder("#!/bin/sh\ncd \"$(dirname \"$0\")\"\n");
    for (int i = 0; i < validators; i++) {
      Path node = out.resolve("node" + i);
      Files.createDirectories(node);
      Files.writeString(node.resolve("key"), keys.get(i).bytes().toUnprefixedHex() + "\n");
      List<String> others = new ArrayList<>(enodes);
      others.remove(i);
      String args = String.join(" ", args(i, others));
      Files.writeString(node.resolve("args"), args + "\n");
      start.append("\"$LINDEN\" ").append(args).append(" > node").append(i).append("/log 2>&1 &\necho $! > node")
          .append(i).append("/pid\n");
      // Staggered: processes starting at the same instant race to unpack the same native library.
      start.append("sleep 1\n");
      stop.append("[ -f node").append(i).append("/pid ] && kill $(cat node").append(i).append("/pid) 2>/dev/null; rm -f node")
          .append(i).append("/pid\n");
    }
    start.append("echo \"").append(validators).append(" validators: JSON-RPC on http://127.0.0.1:").append(baseRpcPort)
        .append(validators > 1 ? " to " + (baseRpcPort + validators - 1) : "").append("\"\n");
    script(out.resolve("start.sh"), start.toString());
    script(out.resolve("stop.sh"), stop.toString());
    System.out.println("QBFT network of " + validators + " validators, chain " + chainId + ", in " + out
        + "; start it with " + out.resolve("start.sh"));
    return 0;
  }

  /** Node {@code i}'s command line, with paths relative to the network directory. */
  List<String> args(int i, List<String> bootnodes) {
    List<String> a = new ArrayList<>(List.of("node", "--genesis", "genesis.json", "--datadir", "node" + i + "/data",
        "--validator-key", "node" + i + "/key", "--nodekey", "node" + i + "/key", "--http.port",
        String.valueOf(baseRpcPort + i), "--p2p.port", String.valueOf(baseP2pPort + i), "--nodiscover",
        "--rpc.apis", "eth,net,web3,txpool,admin,qbft"));
    if (!bootnodes.isEmpty()) {
      a.add("--bootnodes");
      a.add(String.join(",", bootnodes));
    }
    return a;
  }

  private String genesis(List<PrivateKey> keys) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode g = json.createObjectNode();
    ObjectNode config = g.putObject("config");
    config.put("chainId", chainId);
    for (String fork : List.of("homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock",
        "constantinopleBlock", "petersburgBlock", "istanbulBlock", "berlinBlock", "londonBlock")) {
      config.put(fork, 0);
    }
    config.put("shanghaiTime", 0);
    config.put("cancunTime", 0);
    ObjectNode qbft = config.putObject("qbft");
    qbft.put("blockperiodseconds", blockPeriod);
    qbft.put("epochlength", 30000);
    qbft.put("requesttimeoutseconds", requestTimeout);
    qbft.put("createemptyblocks", emptyBlocks);
    ValidatorSet set = new ValidatorSet(keys.stream().map(PrivateKey::address).toList());
    Bytes extra = new QbftExtraData(Bytes.wrap(new byte[QbftExtraData.VANITY_SIZE]), set.validators(), Optional.empty(),
        0, List.of()).encode();
    g.put("nonce", "0x0");
    g.put("timestamp", "0x0");
    g.put("extraData", extra.toHex());
    g.put("gasLimit", "0x1c9c380");
    g.put("difficulty", "0x1");
    g.put("mixHash", BlockHeader.BFT_MIX_HASH.toHex());
    g.put("coinbase", "0x0000000000000000000000000000000000000000");
    ObjectNode alloc = g.putObject("alloc");
    for (PrivateKey account : DevGenesis.accounts()) {
      alloc.putObject(account.address().toHex()).put("balance", ETH_10K);
    }
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(g) + "\n";
  }

  private static void script(Path file, String text) throws IOException {
    Files.writeString(file, text);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the script runs with "sh start.sh".
    }
  }
}
