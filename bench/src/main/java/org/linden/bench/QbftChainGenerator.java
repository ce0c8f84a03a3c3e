package org.linden.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionSigner;
import org.linden.consensus.qbft.QbftExtraData;
import org.linden.consensus.qbft.QbftHashing;
import org.linden.consensus.qbft.ValidatorSet;
import org.linden.consensus.qbft.Vote;
import org.linden.consensus.qbft.VoteTally;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.crypto.hd.DevAccounts;
import org.linden.evm.ContractAddress;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Writes a QBFT chain on the genesis of a network from {@code linden network init}, for the
 * light-client benchmark ({@code bench/light-bench.sh --generated}): {@code chain.rlp} as
 * {@code linden import} reads it, {@code genesis.json} (the network's, unchanged) and
 * {@code generated.properties} (head, contracts, validator changes).
 *
 * <p>Every block is one a validator network would commit: proposed in round 0 by the
 * proposer its validator set names for its height (also its beneficiary), its extraData
 * listing that set (the set the parent leaves, votes applied), and carrying the commit
 * seals of a quorum of it — the proposer's and a random choice of the others', as many as
 * the engine gathers before it commits. Timestamps are one block period apart, and the
 * blocks are executed under the network's rules (London for {@code network init}) by the
 * node's own block builder.
 *
 * <p>With {@code --change-every K}, the set changes by vote as on a live network (see
 * {@link VotePlan}): every K blocks a change starts, alternately adding a validator with a
 * fresh key and removing the longest-serving one, and every proposer votes for it in its
 * header until more than half of the set agree. The set is tracked with the node's own
 * {@link VoteTally}, so the headers name exactly the validators a node replays.
 *
 * <p>Block 1 deploys two small contracts from the first dev account: one whose call returns
 * its storage slot 0 (42), for timing {@code eth_call}, and one that stores its call data
 * under the caller's address. Every {@code --tx-every} blocks one to three transactions
 * follow (ETH transfers from the dev accounts, to new addresses half of the time, and calls
 * of the second contract), so balances, nonces and storage change along the chain.
 * Everything is deterministic for a given network and seed.
 */
public final class QbftChainGenerator {
  /** Runtime returning storage slot 0: PUSH1 0 SLOAD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN. */
  static final Bytes READER_RUNTIME = Bytes.fromHex("0x60005460005260206000f3");
  /** Constructor prelude of the reader: PUSH1 42 PUSH1 0 SSTORE. */
  private static final Bytes READER_PRELUDE = Bytes.fromHex("0x602a600055");
  /** Runtime storing the first call-data word under the caller: PUSH1 0 CALLDATALOAD CALLER SSTORE STOP. */
  static final Bytes NOTES_RUNTIME = Bytes.fromHex("0x600035335500");
  private static final long DEPLOY_GAS = 200_000;
  private static final long TRANSFER_GAS = 21_000;
  /** A call of the notes contract writes one new slot at most (~45,000 gas). */
  private static final long NOTE_GAS = 100_000;
  private static final UInt256 MAX_PRIORITY_FEE = UInt256.valueOf(1_000_000_000L);
  private static final UInt256 MAX_FEE = UInt256.valueOf(100_000_000_000L);
  private static final long MAX_VALUE = 1_000_000_000_000_000L;
  private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
  private static final String USAGE = "usage: QbftChainGenerator --network DIR --blocks N --out DIR"
      + " [--change-every K] [--tx-every M] [--seed S]";

  /** What was generated. */
  record Summary(long blocks, long transactions, List<VotePlan.Change> changes, ValidatorSet headValidators,
      BlockHeader head, Address reader, Address notes) {}

  /**
   * @param blocks blocks after the genesis
   * @param changeEvery blocks between the starts of two validator changes, 0 for none
   * @param txEvery every this many blocks a few transactions, 0 for none after block 1
   */
  record Options(long blocks, long changeEvery, long txEvery, long seed) {
    Options {
      if (blocks < 1 || changeEvery < 0 || txEvery < 0) {
        throw new IllegalArgumentException("--blocks must be at least 1, --change-every and --tx-every at least 0");
      }
    }
  }

  private final QbftNetworkFiles network;
  private final Options options;
  private final SplittableRandom random;
  private final Map<Address, PrivateKey> validatorKeys;
  private final List<PrivateKey> accounts;
  private final long[] nonces;
  private final List<Address> recipients = new ArrayList<>();
  private final long chainId;
  private long freshValidators;
  private long freshRecipients;

  QbftChainGenerator(QbftNetworkFiles network, Options options) {
    this.network = network;
    this.options = options;
    this.random = new SplittableRandom(options.seed());
    this.validatorKeys = new HashMap<>(network.keys());
    this.chainId = network.genesis().config().chainId();
    // The dev accounts network init funds; only those the genesis funds can pay for gas.
    this.accounts = DevAccounts.testAccounts(10).stream()
        .filter(k -> network.genesis().alloc().containsKey(k.address())
            && !network.genesis().alloc().get(k.address()).balance().isZero())
        .toList();
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException("the genesis funds none of the dev accounts, so no transaction can be sent");
    }
    this.nonces = new long[accounts.size()];
  }

  /** Generates the chain, handing each block to {@code sink} in order. */
  Summary generate(Consumer<Block> sink) throws BlockValidationException {
    BlockSequence chain = new BlockSequence(network.genesis());
    VoteTally tally = VoteTally.initial(network.validators());
    VotePlan plan = new VotePlan(network.validators(), options.changeEvery(), this::freshValidator);
    List<VotePlan.Change> changes = new ArrayList<>();
    Address deployer = accounts.get(0).address();
    Address reader = ContractAddress.of(deployer, 0);
    Address notes = ContractAddress.of(deployer, 1);
    long period = network.settings().blockPeriodSeconds();
    long epoch = network.settings().epochLength();
    long txs = 0;
    long lastPrint = System.nanoTime();
    for (long n = 1; n <= options.blocks(); n++) {
      ValidatorSet set = tally.validators();
      Address proposer = set.proposer(n, 0);
      Optional<Vote> vote = plan.voteAt(n);
      List<Transaction> transactions = n == 1 ? deployments() : transactions(n, notes);
      List<PrivateKey> sealers = sealers(set, proposer);
      BlockSequence.Step step = chain.next(transactions, chain.head().timestamp() + period, proposer,
          h -> seal(proposal(h, set, vote), sealers));
      List<Receipt> receipts = step.built().result().receipts();
      for (int i = 0; i < receipts.size(); i++) {
        if (!receipts.get(i).succeeded()) {
          throw new IllegalStateException("block " + n + ": transaction " + i + " failed; the workload is wrong");
        }
      }
      sink.accept(step.block());
      txs += transactions.size();
      tally = tally.apply(proposer, vote.orElse(null), n % epoch == 0);
      plan.after(n, tally.validators()).ifPresent(changes::add);
      if (!plan.members().equals(tally.validators())) {
        throw new IllegalStateException("after block " + n + " the votes left " + tally.validators().validators()
            + ", the plan expected " + plan.members().validators());
      }
      long now = System.nanoTime();
      if (now - lastPrint >= PROGRESS_EVERY_NANOS) {
        System.err.printf("generate: block %d/%d, %d transactions, %d validator changes%n", n, options.blocks(), txs,
            changes.size());
        lastPrint = now;
      }
    }
    return new Summary(options.blocks(), txs, List.copyOf(changes), tally.validators(), chain.head(), reader, notes);
  }

  /** A new validator's key, derived from the seed and a counter so that runs repeat. */
  private Address freshValidator() {
    String seed = "linden-qbft-validator-" + options.seed() + "-" + freshValidators++;
    PrivateKey key = PrivateKey.of(Keccak.hash256(seed.getBytes(StandardCharsets.UTF_8)).bytes());
    validatorKeys.put(key.address(), key);
    return key.address();
  }

  /** The proposer and enough other validators, chosen at random, to make a quorum. */
  private List<PrivateKey> sealers(ValidatorSet set, Address proposer) {
    List<Address> others = new ArrayList<>(set.validators());
    others.remove(proposer);
    List<PrivateKey> out = new ArrayList<>();
    out.add(validatorKeys.get(proposer));
    for (int i = 0; i < set.quorum() - 1; i++) {
      out.add(validatorKeys.get(others.remove(random.nextInt(others.size()))));
    }
    return out;
  }

  /** The header as its proposer sends it: QBFT's mix hash, extraData with the set and the vote, round 0, no seals. */
  private static BlockHeader proposal(BlockHeader built, ValidatorSet set, Optional<Vote> vote) {
    QbftExtraData extra = new QbftExtraData(Bytes.wrap(new byte[QbftExtraData.VANITY_SIZE]), set.validators(), vote, 0,
        List.of());
    return built.toBuilder().mixHash(BlockHeader.BFT_MIX_HASH).extraData(extra.encode()).build();
  }

  /** The header with each sealer's commit seal, as the engine writes it once a quorum committed. */
  static BlockHeader seal(BlockHeader header, List<PrivateKey> sealers) {
    Hash sealHash = QbftHashing.commitSealHash(header);
    List<Signature> seals = sealers.stream().map(k -> Secp256k1.sign(sealHash, k)).toList();
    return header.toBuilder().extraData(QbftExtraData.of(header).withCommitSeals(seals).encode()).build();
  }

  /** Block 1: the reader and the notes contract, both from the first dev account. */
  private List<Transaction> deployments() {
    return List.of(transaction(0, null, UInt256.ZERO, initCode(READER_PRELUDE, READER_RUNTIME), DEPLOY_GAS),
        transaction(0, null, UInt256.ZERO, initCode(Bytes.EMPTY, NOTES_RUNTIME), DEPLOY_GAS));
  }

  private List<Transaction> transactions(long n, Address notes) {
    if (options.txEvery() == 0 || n % options.txEvery() != 0) {
      return List.of();
    }
    int count = random.nextInt(1, 4);
    List<Transaction> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int sender = random.nextInt(accounts.size());
      if (random.nextBoolean()) {
        out.add(transaction(sender, recipient(), UInt256.valueOf(random.nextLong(1, MAX_VALUE)), Bytes.EMPTY,
            TRANSFER_GAS));
      } else {
        byte[] word = new byte[32];
        random.nextBytes(word);
        out.add(transaction(sender, notes, UInt256.ZERO, Bytes.wrap(word), NOTE_GAS));
      }
    }
    return out;
  }

  private Transaction transaction(int sender, Address to, UInt256 value, Bytes data, long gas) {
    FeeMarketTransaction tx = new FeeMarketTransaction(chainId, nonces[sender]++, MAX_PRIORITY_FEE, MAX_FEE, gas, to,
        value, data, List.of(), 0, UInt256.ZERO, UInt256.ZERO);
    return TransactionSigner.sign(tx, accounts.get(sender));
  }

  /** A new address half of the time, otherwise an earlier recipient or a dev account. */
  private Address recipient() {
    if (recipients.isEmpty() || random.nextBoolean()) {
      String seed = "linden-qbft-recipient-" + freshRecipients++;
      Address fresh = Address.wrap(Keccak.hash256(seed.getBytes(StandardCharsets.UTF_8)).bytes().slice(12));
      recipients.add(fresh);
      return fresh;
    }
    return random.nextBoolean()
        ? recipients.get(random.nextInt(recipients.size()))
        : accounts.get(random.nextInt(accounts.size())).address();
  }

  /** Init code that runs {@code prelude}, then returns {@code runtime} (which follows the init code). */
  private static Bytes initCode(Bytes prelude, Bytes runtime) {
    int copier = 12;
    int offset = prelude.size() + copier;
    if (runtime.size() > 0xff || offset > 0xff) {
      throw new IllegalArgumentException("contract too large for one-byte pushes");
    }
    // PUSH1 len PUSH1 offset PUSH1 0 CODECOPY PUSH1 len PUSH1 0 RETURN
    Bytes copy = Bytes.wrap(new byte[] {0x60, (byte) runtime.size(), 0x60, (byte) offset, 0x60, 0, 0x39, 0x60,
        (byte) runtime.size(), 0x60, 0, (byte) 0xf3});
    return Bytes.concat(prelude, copy, runtime);
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(USAGE);
      return;
    }
    Path networkDir = null;
    Path out = null;
    Options options;
    QbftNetworkFiles network;
    try {
      long blocks = -1;
      long changeEvery = 0;
      long txEvery = 10;
      long seed = 0x6c696768L;
      for (int i = 0; i < args.length; i += 2) {
        String a = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + a);
        }
        String v = args[i + 1];
        switch (a) {
          case "--network" -> networkDir = Path.of(v);
          case "--out" -> out = Path.of(v);
          case "--blocks" -> blocks = number(a, v);
          case "--change-every" -> changeEvery = number(a, v);
          case "--tx-every" -> txEvery = number(a, v);
          case "--seed" -> seed = number(a, v);
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (networkDir == null || out == null || blocks < 0) {
        throw new IllegalArgumentException("--network, --blocks and --out are required");
      }
      options = new Options(blocks, changeEvery, txEvery, seed);
      network = QbftNetworkFiles.load(networkDir);
    } catch (IllegalArgumentException e) {
      System.err.println("QbftChainGenerator: " + e.getMessage() + " (" + USAGE + ")");
      System.exit(2);
      return;
    }
    write(new QbftChainGenerator(network, options), network, out);
  }

  private static long number(String option, String value) {
    try {
      long n = Long.decode(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a non-negative integer, got " + value);
    }
  }

  private static void write(QbftChainGenerator generator, QbftNetworkFiles network, Path out)
      throws IOException, BlockValidationException {
    long start = System.nanoTime();
    Files.createDirectories(out);
    Path tmp = out.resolve("chain.rlp.tmp");
    Summary s;
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
      s = generator.generate(block -> {
        try {
          file.write(block.encode().unsafeArray());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    Files.move(tmp, out.resolve("chain.rlp"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(out.resolve("genesis.json"), network.genesisJson());
    long genesisLeft = network.validators().validators().stream().filter(s.headValidators()::contains).count();
    String changeBlocks = s.changes().stream().map(c -> Long.toString(c.block())).collect(Collectors.joining(","));
    String properties = "blocks=" + s.blocks() + "\n"
        + "transactions=" + s.transactions() + "\n"
        + "changes=" + s.changes().size() + "\n"
        + "change_blocks=" + changeBlocks + "\n"
        + "head_number=" + s.head().number() + "\n"
        + "head_hash=" + s.head().hash().toHex() + "\n"
        + "reader=" + s.reader().toHex() + "\n"
        + "notes=" + s.notes().toHex() + "\n"
        + "validators_at_head=" + s.headValidators().validators().stream().map(Address::toHex)
            .collect(Collectors.joining(",")) + "\n"
        + "genesis_validators_at_head=" + genesisLeft + "\n";
    Files.writeString(out.resolve("generated.properties"), properties);
    System.out.printf("generated %d QBFT blocks, %d transactions, %d validator changes (%d of the %d genesis"
        + " validators left, %d validators at the head); head block %d %s; wrote %s in %.1f s%n", s.blocks(),
        s.transactions(), s.changes().size(), genesisLeft, network.validators().size(), s.headValidators().size(),
        s.head().number(), s.head().hash(), out, (System.nanoTime() - start) / 1e9);
  }
}
