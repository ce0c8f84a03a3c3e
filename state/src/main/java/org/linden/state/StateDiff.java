package org.linden.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * What one block's state update overwrote: for every stored key it changed (flat account
 * and slot, code, trie node, the state-root pointer), the value before, or "absent".
 * Writing the entries back undoes the block exactly, trie nodes included, which is how a
 * reorg rolls state back; reading through them shows the state as of the parent block,
 * which is how recent historical proofs are answered.
 *
 * <p>Stored in {@link Column#STATE_DIFFS} as
 * {@code rlp([1, preRoot, postRoot, [[columnId, key] | [columnId, key, previous], ...]])}.
 */
public record StateDiff(Hash preRoot, Hash postRoot, List<Entry> entries) {
  private static final int FORMAT = 1;

  public StateDiff {
    Objects.requireNonNull(preRoot, "preRoot");
    Objects.requireNonNull(postRoot, "postRoot");
    entries = List.copyOf(entries);
  }

  /** One overwritten key: {@code previous} is null if the key did not exist before. */
  public record Entry(Column column, Bytes key, Bytes previous) {
    public Entry {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(key, "key");
    }

    /** True if the block created this key. */
    public boolean absentBefore() {
      return previous == null;
    }
  }

  public Bytes encode() {
    RlpWriter w = new RlpWriter(256 + entries.size() * 64);
    w.startList().writeUnsignedLong(FORMAT).writeBytes(preRoot.bytes()).writeBytes(postRoot.bytes()).startList();
    for (Entry e : entries) {
      w.startList().writeUnsignedLong(e.column.id()).writeBytes(e.key);
      if (e.previous != null) {
        w.writeBytes(e.previous);
      }
      w.endList();
    }
    return w.endList().endList().toBytes();
  }

  /**
   * Decodes {@link #encode()}'s output.
   *
   * @throws IllegalArgumentException if the bytes are not a state diff of this format
   */
  public static StateDiff decode(Bytes encoded) {
    try {
      RlpReader outer = RlpReader.of(encoded);
      RlpReader r = outer.readList();
      outer.ensureDone();
      long format = r.readUnsignedLong();
      if (format != FORMAT) {
        throw new IllegalArgumentException("state diff format " + format + " is not " + FORMAT);
      }
      Hash pre = Hash.wrap(r.readBytes(Hash.SIZE));
      Hash post = Hash.wrap(r.readBytes(Hash.SIZE));
      RlpReader list = r.readList();
      r.ensureDone();
      List<Entry> entries = new ArrayList<>();
      while (!list.isDone()) {
        RlpReader e = list.readList();
        int id = e.readInt();
        Column column = Column.byId(id)
            .orElseThrow(() -> new IllegalArgumentException("unknown column id " + id + " in a state diff"));
        Bytes key = e.readBytes();
        Bytes previous = e.isDone() ? null : e.readBytes();
        e.ensureDone();
        entries.add(new Entry(column, key, previous));
      }
      return new StateDiff(pre, post, entries);
    } catch (org.linden.rlp.RlpException e) {
      throw new IllegalArgumentException("malformed state diff: " + e.getMessage(), e);
    }
  }
}
