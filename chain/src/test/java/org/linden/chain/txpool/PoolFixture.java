package org.linden.chain.txpool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.tx.Access;
import org.linden.chain.tx.Authorization;
import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.SetCodeTransaction;
import org.linden.chain.tx.TransactionSigner;
import org.linden.crypto.PrivateKey;
import org.linden.trie.MerkleTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A pool on a chain where every fork through {@link #fork} is active: a head whose next
 * block has a base fee of 1 gwei and a blob base fee of 1 wei, funded accounts in an
 * in-memory state, a fixed clock, and signed transactions built field by field.
 */
final class PoolFixture {
  static final long CHAIN_ID = 1337;
  static final long GAS_LIMIT = 30_000_000;
  static final Address TO = Address.fromHex("0x3535353535353535353535353535353535353535");
  /** 1000 ether: enough for any test transaction. */
  static final UInt256 RICH = UInt256.fromBigInteger(java.math.BigInteger.TEN.pow(21));

  static final PrivateKey ALICE = key(1);
  static final PrivateKey BOB = key(2);
  static final PrivateKey CAROL = key(3);
  static final PrivateKey DAVE = key(4);

  final Fork fork;
  final ChainConfig config;
  final InMemoryStateDatabase state = new InMemoryStateDatabase();
  BlockHeader head;

  PoolFixture() {
    this(Fork.PRAGUE);
  }

  PoolFixture(Fork fork) {
    this.fork = fork;
    this.config = ChainConfig.allForksThrough(CHAIN_ID, fork);
    this.head = header(10, GAS_LIMIT, 0);
    for (PrivateKey k : List.of(ALICE, BOB, CAROL, DAVE)) {
      fund(k, 0, RICH);
    }
  }

  static PrivateKey key(int n) {
    return PrivateKey.fromHex("0x%064x".formatted(n));
  }

  static UInt256 gwei(long n) {
    return UInt256.valueOf(n * 1_000_000_000L);
  }

  /** A value in tenths of a gwei, for prices near the 1 gwei base fee. */
  static UInt256 deciGwei(long n) {
    return UInt256.valueOf(n * 100_000_000L);
  }

  /**
   * A head at {@code number} with the header fields of the fixture's fork; its gas use is
   * the target, so the next base fee stays 1 gwei.
   */
  BlockHeader header(long number, long gasLimit, long excessBlobGas) {
    BlockHeader.Builder b = BlockHeader.builder()
        .number(number)
        .gasLimit(gasLimit)
        .gasUsed(gasLimit / 2)
        .timestamp(1_000 + number * 12);
    if (fork.isAtLeast(Fork.LONDON)) {
      b.baseFeePerGas(gwei(1));
    }
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      b.withdrawalsRoot(MerkleTrie.EMPTY_ROOT);
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      b.blobGasUsed(0L).excessBlobGas(excessBlobGas).parentBeaconBlockRoot(Hash.ZERO);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      b.requestsHash(Hash.ZERO);
    }
    return b.build();
  }

  TxPool pool() {
    return pool(TxPoolConfig.DEFAULT);
  }

  /** A pool whose blob proofs always verify: the KZG tests use the real verifier. */
  TxPool pool(TxPoolConfig poolConfig) {
    return pool(poolConfig, sidecar -> true);
  }

  TxPool pool(TxPoolConfig poolConfig, BlobProofVerifier proofs) {
    return new TxPool(config, head, state, poolConfig, proofs, () -> 0);
  }

  void fund(PrivateKey k, long nonce, UInt256 balance) {
    state.putAccount(k.address(), nonce, balance, Bytes.EMPTY, Map.of());
  }

  void setCode(PrivateKey k, long nonce, Bytes code) {
    state.putAccount(k.address(), nonce, RICH, code, Map.of());
  }

  static Tx tx(PrivateKey key, long nonce) {
    return new Tx(key, nonce);
  }

  /** A transaction under construction: an EIP-1559 transfer of nothing unless changed. */
  static final class Tx {
    private final PrivateKey key;
    private final long nonce;
    private long chainId = CHAIN_ID;
    private UInt256 tip = PoolFixture.gwei(1);
    private UInt256 maxFee = PoolFixture.gwei(10);
    private long gas = 21_000;
    private Address to = TO;
    private UInt256 value = UInt256.ZERO;
    private Bytes data = Bytes.EMPTY;

    Tx(PrivateKey key, long nonce) {
      this.key = key;
      this.nonce = nonce;
    }

    Tx fees(UInt256 tipPerGas, UInt256 maxFeePerGas) {
      this.tip = tipPerGas;
      this.maxFee = maxFeePerGas;
      return this;
    }

    /** Priority fee and fee cap in gwei. */
    Tx gwei(long tipGwei, long maxFeeGwei) {
      return fees(PoolFixture.gwei(tipGwei), PoolFixture.gwei(maxFeeGwei));
    }

    Tx gas(long g) {
      this.gas = g;
      return this;
    }

    Tx value(UInt256 v) {
      this.value = v;
      return this;
    }

    Tx data(Bytes d) {
      this.data = d;
      return this;
    }

    Tx create() {
      this.to = null;
      return this;
    }

    Tx chainId(long id) {
      this.chainId = id;
      return this;
    }

    FeeMarketTransaction signed() {
      return TransactionSigner.sign(unsigned(), key);
    }

    FeeMarketTransaction unsigned() {
      return new FeeMarketTransaction(chainId, nonce, tip, maxFee, gas, to, value, data, List.<Access>of(), 0,
          UInt256.ZERO, UInt256.ZERO);
    }

    /** A legacy transaction paying {@code maxFee} as its gas price, with EIP-155 protection. */
    LegacyTransaction legacy() {
      return TransactionSigner.signLegacy(LegacyTransaction.unsigned(nonce, maxFee, gas, to, value, data),
          OptionalLong.of(chainId), key);
    }

    SetCodeTransaction setCode(List<Authorization> authorizations) {
      return TransactionSigner.sign(new SetCodeTransaction(chainId, nonce, tip, maxFee, Math.max(gas, 100_000),
          to, value, data, List.of(), authorizations, 0, UInt256.ZERO, UInt256.ZERO), key);
    }

    BlobTransaction blob(List<Hash> hashes, UInt256 maxFeePerBlobGas) {
      return TransactionSigner.sign(new BlobTransaction(chainId, nonce, tip, maxFee, gas, to, value, data,
          List.of(), maxFeePerBlobGas, hashes, 0, UInt256.ZERO, UInt256.ZERO), key);
    }

    /**
     * A blob transaction with {@code blobs} placeholder blobs in the EIP-4844 form: the
     * commitments are arbitrary bytes that hash to the versioned hashes, the proofs are
     * arbitrary too, so it passes only with a verifier that accepts everything.
     */
    BlobTransactionWithBlobs withBlobs(int blobs, UInt256 maxFeePerBlobGas) {
      List<Bytes> blobList = new ArrayList<>();
      List<Bytes> commitments = new ArrayList<>();
      List<Bytes> proofs = new ArrayList<>();
      List<Hash> hashes = new ArrayList<>();
      for (int i = 0; i < blobs; i++) {
        blobList.add(Bytes.wrap(new byte[BlobTransactionWithBlobs.BYTES_PER_BLOB]));
        byte[] commitment = new byte[BlobTransactionWithBlobs.BYTES_PER_COMMITMENT];
        commitment[0] = (byte) (i + 1);
        commitment[1] = (byte) nonce;
        commitments.add(Bytes.wrap(commitment));
        proofs.add(Bytes.wrap(new byte[BlobTransactionWithBlobs.BYTES_PER_PROOF]));
        hashes.add(BlobTransactionWithBlobs.kzgToVersionedHash(Bytes.wrap(commitment)));
      }
      return new BlobTransactionWithBlobs(blob(hashes, maxFeePerBlobGas),
          BlobTransactionWithBlobs.WRAPPER_VERSION_BLOB_PROOFS, blobList, commitments, proofs);
    }
  }
}
