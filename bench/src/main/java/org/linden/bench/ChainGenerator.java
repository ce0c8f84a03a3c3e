package org.linden.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.InvalidBlockException;
import org.linden.chain.block.Receipt;
import org.linden.chain.config.Genesis;
import org.linden.chain.config.InvalidConfigException;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionSigner;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Writes a synthetic chain for the chain-import benchmark ({@code bench/import-bench.sh}):
 * {@code genesis.json} and {@code chain.rlp} in geth's formats, so that {@code linden
 * import} (and any other client) can import it.
 *
 * <p>The workload is meant to look like ordinary mainnet traffic rather than a
 * micro-benchmark: every block holds 50–200 EIP-1559 transactions from distinct senders,
 * about half plain ETH transfers and half ERC-20 {@code transfer} calls to
 * {@code BenchToken} (bench/contracts), and a fifth of the recipients are addresses never
 * seen before, so the state grows block by block as a real chain's does (new accounts, new
 * token balance slots) instead of rewriting a fixed working set. Blocks are 12 s apart
 * under Cancun rules, with the EIP-4788 beacon-roots contract in place, so each block also
 * makes the system call a real Cancun block makes. Cancun rather than Prague: Prague would
 * need the EIP-7002/7251 request contracts at genesis, and adds no opcode the token uses.
 *
 * <p>The token is deployed in the genesis allocation with each sender's balance written
 * directly into storage at {@code keccak256(pad32(holder) ++ pad32(0))} (the
 * {@code balanceOf} mapping is the contract's first state variable); a wrong slot would
 * make transfers revert, and the generator refuses any block with a failed transaction.
 *
 * <p>Everything is deterministic: keys come from a counter, choices from a seeded
 * {@link SplittableRandom}, and signatures are RFC 6979, so the same arguments always give
 * the same bytes. Blocks are built by a {@link BlockSequence} (the node's block processor
 * over a path-keyed state in memory, whose roots come from the dirty keys only); a
 * from-scratch {@link InMemoryStateDatabase} is kept alongside and its root compared with
 * the head's at the end.
 *
 * <p>{@code --gas FILE.rlp} instead reads any chain file and prints its block count,
 * transaction count, total gas used and head hash, for turning import times into MGas/s.
 */
public final class ChainGenerator {
  private static final long CHAIN_ID = 1337;
  private static final long GAS_LIMIT = 30_000_000L;
  private static final long GENESIS_TIMESTAMP = 1_700_000_000L;
  private static final long BLOCK_TIME = 12;
  private static final long ETH_TRANSFER_GAS = 21_000;
  /** Enough for a transfer to a new holder (cold slots, a zero-to-non-zero SSTORE, a log). */
  private static final long TOKEN_TRANSFER_GAS = 100_000;
  private static final UInt256 MAX_PRIORITY_FEE = UInt256.valueOf(1_000_000_000L);
  private static final UInt256 MAX_FEE = UInt256.valueOf(50_000_000_000L);
  private static final UInt256 SENDER_ETH = UInt256.fromBigInteger(BigInteger.TEN.pow(21));
  private static final UInt256 SENDER_TOKENS = UInt256.fromBigInteger(BigInteger.TEN.pow(24));
  private static final long MAX_ETH_VALUE = 1_000_000_000_000_000L;
  private static final long MAX_TOKEN_VALUE = 1_000_000_000_000_000_000L;

  static final Address TOKEN = Address.fromHex("0x00000000000000000000000000000000000b3c40");
  private static final Address COINBASE = Address.fromHex("0x000000000000000000000000000000000000c0de");
  /** EIP-4788's beacon-roots contract: address and runtime code as the EIP gives them. */
  private static final Address BEACON_ROOTS = Address.fromHex("0x000f3df6d732807ef1319fb7b8bb8522d0beac02");
  private static final String BEACON_ROOTS_CODE = "0x3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024"
      + "575f5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281"
      + "555f359062001fff015500";
  private static final UInt256 BALANCES_SLOT = UInt256.ZERO;
  private static final UInt256 TOTAL_SUPPLY_SLOT = UInt256.valueOf(2);
  private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

  private final Options options;
  private final PrivateKey[] keys;
  private final Address[] senders;
  private final long[] nonces;
  /** Addresses that first appeared as recipients, in order of appearance. */
  private final List<Address> others = new ArrayList<>();
  private final SplittableRandom random;
  private final Bytes transferSelector;
  private long freshCounter;

  private ChainGenerator(Options options) {
    this.options = options;
    this.random = new SplittableRandom(options.seed);
    this.keys = new PrivateKey[options.senders];
    this.senders = new Address[options.senders];
    this.nonces = new long[options.senders];
    // Deriving thousands of public keys takes a moment; both cores help.
    IntStream.range(0, options.senders).parallel().forEach(i -> {
      keys[i] = PrivateKey.of(Keccak.hash256(("linden-bench-sender-" + i).getBytes(StandardCharsets.UTF_8)).bytes());
      senders[i] = keys[i].address();
    });
    this.transferSelector = Bytes.fromHex(contractProperties().getProperty("BenchToken.transfer"));
  }

  /** Command-line options, with the defaults the benchmark uses. */
  private static final class Options {
    long blocks = 10_000;
    Path out;
    Path gasFile;
    int senders = 2_000;
    int minTxs = 50;
    int maxTxs = 200;
    double tokenShare = 0.5;
    double freshShare = 0.2;
    long seed = 0x6c696e64656eL;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (i + 1 >= args.length) {
          throw usage("missing value after " + a);
        }
        String v = args[++i];
        try {
          switch (a) {
            case "--blocks" -> o.blocks = Long.parseLong(v);
            case "--out" -> o.out = Path.of(v);
            case "--gas" -> o.gasFile = Path.of(v);
            case "--senders" -> o.senders = Integer.parseInt(v);
            case "--min-txs" -> o.minTxs = Integer.parseInt(v);
            case "--max-txs" -> o.maxTxs = Integer.parseInt(v);
            case "--token-share" -> o.tokenShare = Double.parseDouble(v);
            case "--fresh-share" -> o.freshShare = Double.parseDouble(v);
            case "--seed" -> o.seed = Long.decode(v);
            default -> throw usage("unknown option " + a);
          }
        } catch (NumberFormatException e) {
          throw usage("bad number for " + a + ": " + v);
        }
      }
      if (o.gasFile == null) {
        if (o.out == null) {
          throw usage("--out DIR is required");
        }
        if (o.blocks < 1 || o.senders < 1 || o.minTxs < 0 || o.maxTxs < o.minTxs || o.maxTxs > o.senders) {
          throw usage("need blocks >= 1 and 0 <= min-txs <= max-txs <= senders");
        }
        long worstCase = o.maxTxs * TOKEN_TRANSFER_GAS;
        if (worstCase > GAS_LIMIT) {
          throw usage("--max-txs " + o.maxTxs + " may not fit the block gas limit of " + GAS_LIMIT);
        }
      }
      return o;
    }
  }

  private static IllegalArgumentException usage(String message) {
    return new IllegalArgumentException(message + "\nusage: ChainGenerator --blocks N --out DIR [--senders N]"
        + " [--min-txs N] [--max-txs N] [--token-share F] [--fresh-share F] [--seed N]\n"
        + "       ChainGenerator --gas FILE.rlp");
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ChainGenerator: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options.gasFile != null) {
      printGas(options.gasFile);
    } else {
      new ChainGenerator(options).generate();
    }
  }

  /** What one generated transaction does, decided before signing (signing runs in parallel). */
  private record Planned(int sender, FeeMarketTransaction unsigned, boolean token) {}

  private void generate() throws IOException, InvalidConfigException, BlockValidationException {
    long start = System.nanoTime();
    Files.createDirectories(options.out);
    String genesisJson = genesisJson();
    Genesis genesis = Genesis.fromJson(genesisJson);
    BlockSequence chain = new BlockSequence(genesis);
    InMemoryStateDatabase mirror = genesis.toStateDatabase();
    Hash mirrorRoot = mirror.stateRoot();
    if (!chain.head().stateRoot().equals(mirrorRoot)) {
      throw new IllegalStateException("genesis state root " + chain.head().stateRoot()
          + " differs from the in-memory root " + mirrorRoot);
    }
    BlockHeader parent = chain.head();

    Path chainTmp = options.out.resolve("chain.rlp.tmp");
    long txs = 0;
    long tokenTxs = 0;
    long gas = 0;
    long lastPrint = System.nanoTime();
    long blocksSincePrint = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(chainTmp), 1 << 20)) {
      for (long n = 1; n <= options.blocks; n++) {
        List<Planned> planned = plan();
        List<Transaction> signed = planned.parallelStream()
            .<Transaction>map(p -> TransactionSigner.sign(p.unsigned(), keys[p.sender()]))
            .toList();
        BlockSequence.Step step = chain.next(signed, parent.timestamp() + BLOCK_TIME, COINBASE, h -> h);
        BlockBuilder.Built built = step.built();
        List<Receipt> receipts = built.result().receipts();
        for (int i = 0; i < receipts.size(); i++) {
          if (!receipts.get(i).succeeded()) {
            throw new IllegalStateException("block " + n + ": transaction " + i + " ("
                + (planned.get(i).token() ? "token transfer" : "ETH transfer") + ") failed; the workload is wrong");
          }
        }
        mirror.apply(built.changes());
        Block block = step.block();
        out.write(block.encode().unsafeArray());
        parent = block.header();
        txs += signed.size();
        tokenTxs += planned.stream().filter(Planned::token).count();
        gas += parent.gasUsed();
        blocksSincePrint++;

        long now = System.nanoTime();
        if (now - lastPrint >= PROGRESS_EVERY_NANOS || n == options.blocks) {
          double rate = blocksSincePrint / ((now - lastPrint) / 1e9);
          System.err.printf("generate: block %d/%d, %,d txs, %.1f Mgas so far, %.1f blocks/s, ETA %d s%n", n,
              options.blocks, txs, gas / 1e6, rate, (long) ((options.blocks - n) / rate));
          lastPrint = now;
          blocksSincePrint = 0;
        }
      }
    }

    // The incremental, path-keyed roots must agree with a trie built from scratch.
    Hash fullRoot = mirror.stateRoot();
    if (!fullRoot.equals(parent.stateRoot())) {
      throw new IllegalStateException("head state root " + parent.stateRoot() + " differs from the root "
          + fullRoot + " of the same state built from scratch");
    }
    checkTokenSupply(mirror);

    Files.move(chainTmp, options.out.resolve("chain.rlp"), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(options.out.resolve("genesis.json"), genesisJson);
    long accounts = mirror.accounts().size();
    long holders = mirror.storageOf(TOKEN).size() - 1;
    System.out.printf("generated %d blocks, %d transactions (%d ETH transfers, %d token transfers), %d gas;"
        + " %d accounts and %d token holders at the head; head block %d %s state root %s; wrote %s in %.1f s%n",
        options.blocks, txs, txs - tokenTxs, tokenTxs, gas, accounts, holders, parent.number(), parent.hash(),
        parent.stateRoot(), options.out, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The transactions of one block: distinct senders (so each sender's nonces simply count
   * up), a token or an ETH transfer each, to an existing account or a new one.
   */
  private List<Planned> plan() {
    int count = random.nextInt(options.minTxs, options.maxTxs + 1);
    int[] order = IntStream.range(0, senders.length).toArray();
    List<Planned> planned = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // Partial Fisher-Yates: the first `count` entries become a random sample of senders.
      int j = random.nextInt(i, order.length);
      int s = order[j];
      order[j] = order[i];
      order[i] = s;

      boolean token = random.nextDouble() < options.tokenShare;
      Address to = recipient();
      FeeMarketTransaction tx;
      if (token) {
        UInt256 amount = UInt256.valueOf(random.nextLong(1, MAX_TOKEN_VALUE));
        Bytes data = Bytes.concat(transferSelector, to.bytes().leftPad(32), amount.toBytes32());
        tx = new FeeMarketTransaction(CHAIN_ID, nonces[s]++, MAX_PRIORITY_FEE, MAX_FEE, TOKEN_TRANSFER_GAS, TOKEN,
            UInt256.ZERO, data, List.of(), 0, UInt256.ZERO, UInt256.ZERO);
      } else {
        tx = new FeeMarketTransaction(CHAIN_ID, nonces[s]++, MAX_PRIORITY_FEE, MAX_FEE, ETH_TRANSFER_GAS, to,
            UInt256.valueOf(random.nextLong(1, MAX_ETH_VALUE)), Bytes.EMPTY, List.of(), 0, UInt256.ZERO,
            UInt256.ZERO);
      }
      planned.add(new Planned(s, tx, token));
    }
    return planned;
  }

  /** A new address with probability {@code freshShare}, otherwise a sender or an earlier recipient. */
  private Address recipient() {
    if (others.isEmpty() || random.nextDouble() < options.freshShare) {
      Bytes seed = Bytes.wrap(("linden-bench-recipient-" + freshCounter++).getBytes(StandardCharsets.UTF_8));
      Address fresh = Address.wrap(Keccak.hash256(seed).bytes().slice(12));
      others.add(fresh);
      return fresh;
    }
    return random.nextBoolean()
        ? senders[random.nextInt(senders.length)]
        : others.get(random.nextInt(others.size()));
  }

  /** Token balances must still add up to the total supply (no approvals are used, so slot 1 is empty). */
  private void checkTokenSupply(InMemoryStateDatabase state) {
    UInt256 sum = UInt256.ZERO;
    for (Map.Entry<UInt256, UInt256> e : state.storageOf(TOKEN).entrySet()) {
      if (!e.getKey().equals(TOTAL_SUPPLY_SLOT)) {
        sum = sum.add(e.getValue());
      }
    }
    UInt256 supply = state.storage(TOKEN, TOTAL_SUPPLY_SLOT);
    if (!sum.equals(supply)) {
      throw new IllegalStateException("token balances add up to " + sum.toHexString() + ", total supply is "
          + supply.toHexString());
    }
  }

  /** geth-format genesis: Cancun from block 0, funded senders, the token and EIP-4788's contract. */
  private String genesisJson() {
    StringBuilder b = new StringBuilder(1 << 20);
    b.append("{\n  \"config\": {\n    \"chainId\": ").append(CHAIN_ID).append(",\n");
    for (String fork : List.of("homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock",
        "constantinopleBlock", "petersburgBlock", "istanbulBlock", "berlinBlock", "londonBlock",
        "mergeNetsplitBlock")) {
      b.append("    \"").append(fork).append("\": 0,\n");
    }
    b.append("    \"terminalTotalDifficulty\": 0,\n    \"shanghaiTime\": 0,\n    \"cancunTime\": 0,\n")
        .append("    \"blobSchedule\": {\"cancun\": {\"target\": 3, \"max\": 6, \"baseFeeUpdateFraction\": 3338477}}\n")
        .append("  },\n")
        .append("  \"timestamp\": \"0x").append(Long.toHexString(GENESIS_TIMESTAMP)).append("\",\n")
        .append("  \"gasLimit\": \"0x").append(Long.toHexString(GAS_LIMIT)).append("\",\n")
        .append("  \"difficulty\": \"0x0\",\n")
        .append("  \"baseFeePerGas\": \"0x3b9aca00\",\n")
        .append("  \"extraData\": \"")
        .append(Bytes.wrap("linden import bench".getBytes(StandardCharsets.UTF_8)).toHex()).append("\",\n")
        .append("  \"alloc\": {\n");
    b.append("    \"").append(BEACON_ROOTS.toHex()).append("\": {\"balance\": \"0x0\", \"code\": \"")
        .append(BEACON_ROOTS_CODE).append("\"},\n");
    b.append("    \"").append(TOKEN.toHex()).append("\": {\"balance\": \"0x0\", \"code\": \"")
        .append(tokenCode().toHex()).append("\", \"storage\": {\n");
    UInt256 supply = UInt256.ZERO;
    for (Address sender : senders) {
      b.append("      \"").append(balanceSlot(sender).toBytes32().toHex()).append("\": \"")
          .append(SENDER_TOKENS.toBytes32().toHex()).append("\",\n");
      supply = supply.add(SENDER_TOKENS);
    }
    b.append("      \"").append(TOTAL_SUPPLY_SLOT.toBytes32().toHex()).append("\": \"")
        .append(supply.toBytes32().toHex()).append("\"\n    }}");
    for (Address sender : senders) {
      b.append(",\n    \"").append(sender.toHex()).append("\": {\"balance\": \"")
          .append(SENDER_ETH.toHexString()).append("\"}");
    }
    b.append("\n  }\n}\n");
    return b.toString();
  }

  /** Solidity's slot of {@code balanceOf[holder]}: keccak256(pad32(holder) ++ pad32(slot of the mapping)). */
  static UInt256 balanceSlot(Address holder) {
    Bytes preimage = Bytes.concat(holder.bytes().leftPad(32), BALANCES_SLOT.toBytes32());
    return UInt256.fromBytes(Keccak.hash256(preimage).bytes());
  }

  private static Bytes tokenCode() {
    return Bytes.fromHex(new String(resource("BenchToken.hex"), StandardCharsets.US_ASCII).strip());
  }

  private static Properties contractProperties() {
    Properties p = new Properties();
    try {
      p.load(new ByteArrayInputStream(resource("contracts.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static byte[] resource(String name) {
    try (InputStream in = ChainGenerator.class.getResourceAsStream("/org/linden/bench/contracts/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + "; run bench/contracts/build.sh");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sums a chain file's header gas, streaming one block at a time (a generated chain is
   * hundreds of megabytes), and prints {@code blocks=… transactions=… gas=… head=…}.
   */
  private static void printGas(Path file) throws IOException, InvalidBlockException {
    long blocks = 0;
    long txs = 0;
    long gas = 0;
    Hash head = null;
    long headNumber = -1;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      byte[] item;
      while ((item = nextItem(in)) != null) {
        Block block = Block.decode(Bytes.wrap(item));
        blocks++;
        txs += block.transactions().size();
        gas += block.header().gasUsed();
        head = block.hash();
        headNumber = block.number();
      }
    }
    System.out.printf("blocks=%d transactions=%d gas=%d head_number=%d head=%s%n", blocks, txs, gas, headNumber,
        head == null ? "none" : head.toHex());
  }

  /** The next top-level RLP list of a stream of concatenated blocks, or null at the end. */
  private static byte[] nextItem(InputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    if (first < 0xc0) {
      throw new IOException("expected an RLP list (a block), found prefix 0x" + Integer.toHexString(first));
    }
    byte[] header;
    long length;
    if (first <= 0xf7) {
      header = new byte[] {(byte) first};
      length = first - 0xc0;
    } else {
      int lengthBytes = first - 0xf7;
      header = new byte[1 + lengthBytes];
      header[0] = (byte) first;
      if (in.readNBytes(header, 1, lengthBytes) != lengthBytes) {
        throw new EOFException("truncated RLP length");
      }
      length = 0;
      for (int i = 1; i <= lengthBytes; i++) {
        length = (length << 8) | (header[i] & 0xff);
      }
    }
    if (length > Integer.MAX_VALUE - header.length) {
      throw new IOException("block of " + length + " bytes is too large");
    }
    byte[] item = new byte[header.length + (int) length];
    System.arraycopy(header, 0, item, 0, header.length);
    if (in.readNBytes(item, header.length, (int) length) != length) {
      throw new EOFException("truncated block at the end of the file");
    }
    return item;
  }
}
