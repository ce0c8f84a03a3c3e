package org.linden.rlp;

import java.util.List;
import org.linden.types.Bytes;

/** A decoded RLP value as a tree: either a byte string or a list of items. */
public sealed interface RlpItem {
  /** A byte string. */
  record RlpString(Bytes value) implements RlpItem {}

  /** A list of items. */
  record RlpList(List<RlpItem> items) implements RlpItem {
    public RlpList {
      items = List.copyOf(items);
    }
  }

  /** Decodes exactly one item, rejecting anything non-canonical and trailing bytes. */
  static RlpItem decode(Bytes input) {
    RlpReader r = RlpReader.of(input);
    RlpItem item = read(r);
    r.ensureDone();
    return item;
  }

  /** Encodes the tree. */
  static Bytes encode(RlpItem item) {
    RlpWriter w = new RlpWriter();
    write(w, item);
    return w.toBytes();
  }

  private static RlpItem read(RlpReader r) {
    if (r.nextIsList()) {
      RlpReader lr = r.readList();
      java.util.ArrayList<RlpItem> items = new java.util.ArrayList<>();
      while (!lr.isDone()) {
        items.add(read(lr));
      }
      return new RlpList(items);
    }
    return new RlpString(r.readBytes());
  }

  private static void write(RlpWriter w, RlpItem item) {
    switch (item) {
      case RlpString s -> w.writeBytes(s.value());
      case RlpList l -> {
        w.startList();
        for (RlpItem i : l.items()) {
          write(w, i);
        }
        w.endList();
      }
    }
  }
}
