package org.linden.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.linden.types.Bytes;

/**
 * The writes of one state update, held back until the end so that each key is written
 * once with its final value, reads during the update see the update's own writes, and
 * every key's value from before the update is known for the reverse diff.
 *
 * <p>Reads go to the committed store, which must not change while the update runs: a
 * block's state update starts from committed state and the next one waits for the commit.
 */
final class StateWriteSet implements ColumnReader {
  private record ColumnKey(Column column, Bytes key) implements Comparable<ColumnKey> {
    @Override
    public int compareTo(ColumnKey o) {
      int c = Integer.compare(column.id(), o.column.id());
      return c != 0 ? c : key.compareTo(o.key);
    }
  }

  private final KeyValueStore store;
  /** Values before the update; an empty Optional means the key was absent. */
  private final Map<ColumnKey, Optional<Bytes>> original = new HashMap<>();
  /** Final values; an empty Optional is a delete. Sorted, so the diff is deterministic. */
  private final TreeMap<ColumnKey, Optional<Bytes>> pending = new TreeMap<>();

  StateWriteSet(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public Optional<Bytes> get(Column column, Bytes key) {
    ColumnKey ck = new ColumnKey(column, key);
    Optional<Bytes> p = pending.get(ck);
    return p != null ? p : originalValue(ck);
  }

  void put(Column column, Bytes key, Bytes value) {
    ColumnKey ck = new ColumnKey(column, key);
    originalValue(ck);
    pending.put(ck, Optional.of(value));
  }

  void delete(Column column, Bytes key) {
    ColumnKey ck = new ColumnKey(column, key);
    originalValue(ck);
    pending.put(ck, Optional.empty());
  }

  /** Deletes every key starting with {@code prefix}, stored or written by this update. */
  void deletePrefix(Column column, Bytes prefix) {
    try (KeyValueIterator it = store.iteratePrefix(column, prefix.unsafeArray())) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        ColumnKey ck = new ColumnKey(column, Bytes.wrap(kv.key()));
        original.putIfAbsent(ck, Optional.of(Bytes.wrap(kv.value())));
        pending.put(ck, Optional.empty());
      }
    }
    byte[] end = KeyValueStore.prefixEnd(prefix.unsafeArray());
    var tail = pending.tailMap(new ColumnKey(column, prefix), true);
    var range = end == null ? tail : tail.headMap(new ColumnKey(column, Bytes.wrap(end)), false);
    for (var e : range.entrySet()) {
      if (e.getKey().column == column) {
        e.setValue(Optional.empty());
      }
    }
  }

  /** Adds every write whose final value differs from the value before to {@code batch}. */
  void flushTo(WriteBatch batch) {
    pending.forEach((ck, value) -> {
      if (!value.equals(original.get(ck))) {
        if (value.isPresent()) {
          batch.put(ck.column, ck.key.unsafeArray(), value.get().unsafeArray());
        } else {
          batch.delete(ck.column, ck.key.unsafeArray());
        }
      }
    });
  }

  /** For every key this update changes, its value before the update, in key order. */
  List<StateDiff.Entry> reverseEntries() {
    List<StateDiff.Entry> out = new ArrayList<>();
    pending.forEach((ck, value) -> {
      Optional<Bytes> before = original.get(ck);
      if (!value.equals(before)) {
        out.add(new StateDiff.Entry(ck.column, ck.key, before.orElse(null)));
      }
    });
    return out;
  }

  private Optional<Bytes> originalValue(ColumnKey ck) {
    Optional<Bytes> v = original.get(ck);
    if (v == null) {
      v = store.get(ck.column, ck.key.unsafeArray()).map(Bytes::wrap);
      original.put(ck, v);
    }
    return v;
  }
}
