package org.linden.chain.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.TransactionType;
import org.linden.types.Bytes;
import org.linden.types.Hash;

class BlockRootsTest {
  static final Hash EMPTY_TRIE = Hash.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  static final Hash EMPTY_OMMERS = Hash.fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

  @Test
  void rootsOfEmptyListsAreTheEmptyTrieRoot() {
    assertThat(BlockRoots.EMPTY_TRIE_ROOT).isEqualTo(EMPTY_TRIE);
    assertThat(BlockRoots.transactionsRoot(List.of())).isEqualTo(EMPTY_TRIE);
    assertThat(BlockRoots.receiptsRoot(List.of())).isEqualTo(EMPTY_TRIE);
    assertThat(BlockRoots.withdrawalsRoot(List.of())).isEqualTo(EMPTY_TRIE);
    assertThat(BlockRoots.ommersHash(List.of())).isEqualTo(EMPTY_OMMERS);
    assertThat(BlockRoots.EMPTY_OMMERS_HASH).isEqualTo(EMPTY_OMMERS);
    assertThat(BlockRoots.logsBloom(List.of())).isEqualTo(LogsBloom.EMPTY);
  }

  @Test
  void requestsHashFollowsEip7685() {
    // Expected values computed independently with Python's hashlib.
    assertThat(BlockRoots.EMPTY_REQUESTS_HASH)
        .isEqualTo(Hash.fromHex("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    Bytes deposits = Bytes.concat(Bytes.of((byte) 0), range(1, 193));
    Bytes withdrawals = Bytes.concat(Bytes.of((byte) 1), Bytes.wrap(filled(76, 0xab)));
    assertThat(BlockRoots.requestsHash(List.of(deposits, withdrawals)))
        .isEqualTo(Hash.fromHex("0x32855915048a855fd2f77ce85e4898665832713db540b64a6cdae49237f8a736"));
    // A type with no data contributes nothing.
    assertThat(BlockRoots.requestsHash(List.of(Bytes.of((byte) 0), withdrawals, Bytes.of((byte) 2))))
        .isEqualTo(Hash.fromHex("0x5573e13c3838e84dc39d056183216c027ed9298873e5a2d0b41271a3fdc2edd7"));
    assertThat(BlockRoots.requestsHash(List.of(Bytes.of((byte) 0), Bytes.of((byte) 1), Bytes.of((byte) 2))))
        .isEqualTo(BlockRoots.EMPTY_REQUESTS_HASH);
  }

  @Test
  void ommersHashIsKeccakOfTheHeaderList() {
    BlockHeader ommer = BlockHeaderTest.frontier();
    Bytes list = BlockHeaderTest.list(List.of(ommer.encode()));
    assertThat(BlockRoots.ommersHash(List.of(ommer))).isEqualTo(org.linden.crypto.Keccak.hash256(list));
  }

  @Test
  void orderedTrieKeysAreRlpOfTheIndex() {
    // 200 items cross the single-byte (< 0x80) and two-byte RLP index encodings.
    List<Receipt> receipts = java.util.stream.IntStream.range(0, 200)
        .mapToObj(i -> Receipt.of(i % 2 == 0 ? TransactionType.LEGACY : TransactionType.FEE_MARKET, true,
            21_000L * (i + 1), List.of()))
        .toList();
    org.linden.trie.MerkleTrie trie = new org.linden.trie.MerkleTrie();
    for (int i = 0; i < receipts.size(); i++) {
      trie.put(new org.linden.rlp.RlpWriter().writeLong(i).toBytes(), receipts.get(i).encode());
    }
    assertThat(BlockRoots.receiptsRoot(receipts)).isEqualTo(trie.rootHash());
    assertThat(trie.get(Bytes.fromHex("0x80"))).contains(receipts.get(0).encode());
    assertThat(trie.get(Bytes.fromHex("0x8180"))).contains(receipts.get(128).encode());
  }

  private static Bytes range(int from, int to) {
    byte[] b = new byte[to - from];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (from + i);
    }
    return Bytes.wrap(b);
  }

  private static byte[] filled(int n, int value) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) value);
    return b;
  }
}
