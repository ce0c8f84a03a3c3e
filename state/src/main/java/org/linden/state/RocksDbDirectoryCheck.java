package org.linden.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Decides, without writing anything, whether a directory may be opened as a Linden
 * database: it must be missing or empty (a new database), or hold a RocksDB database
 * with Linden's {@code meta} column whose schema version this build reads. Everything
 * else is refused with an {@link IncompatibleStoreException}, before RocksDB gets a
 * chance to create or rotate files there.
 */
final class RocksDbDirectoryCheck {
  private static final String ROCKSDB_CURRENT_FILE = "CURRENT";

  private RocksDbDirectoryCheck() {}

  /**
   * Checks {@code dir}. Returns true if it is to be created as a new database, false if it
   * is an existing Linden database of the current schema.
   */
  static boolean check(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    if (!Files.isDirectory(dir)) {
      throw new IncompatibleStoreException(dir, "not a directory");
    }
    List<String> names = listNames(dir);
    if (names.isEmpty()) {
      return true;
    }
    if (!names.contains(ROCKSDB_CURRENT_FILE)) {
      throw new IncompatibleStoreException(dir, "not a Linden database: the directory holds other files ("
          + summary(names) + "); choose an empty or new directory");
    }
    List<String> families = columnFamilies(dir);
    if (!families.contains(Column.META.familyName())) {
      throw new IncompatibleStoreException(dir, "a RocksDB database that is not Linden's (column families: "
          + String.join(", ", families) + ")");
    }
    int version = readSchemaVersion(dir);
    if (version != StoreSchema.VERSION) {
      throw new IncompatibleStoreException(dir, "a Linden database of schema version " + version
          + ", but this build reads schema version " + StoreSchema.VERSION);
    }
    return false;
  }

  /** Names of the column families present in {@code dir}. */
  static List<String> columnFamilies(Path dir) {
    try (Options options = new Options()) {
      List<String> out = new ArrayList<>();
      for (byte[] name : RocksDB.listColumnFamilies(options, dir.toString())) {
        out.add(new String(name, StandardCharsets.UTF_8));
      }
      return out;
    } catch (RocksDBException e) {
      throw new IncompatibleStoreException(dir, "not a readable RocksDB database: " + e.getMessage());
    }
  }

  /** Opens the database read-only, with no log file, and reads the schema marker. */
  private static int readSchemaVersion(Path dir) {
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (RocksDbTuning tuning = new RocksDbTuning()) {
      descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, tuning.plainColumnOptions()));
      descriptors.add(new ColumnFamilyDescriptor(
          Column.META.familyName().getBytes(StandardCharsets.UTF_8), tuning.plainColumnOptions()));
      try (RocksDB db = RocksDB.openReadOnly(tuning.probeOptions(), dir.toString(), descriptors, handles)) {
        try {
          byte[] value = db.get(handles.get(1), MetaKey.SCHEMA_VERSION.key());
          if (value == null) {
            throw new IncompatibleStoreException(dir, "a RocksDB database with a meta column but no Linden schema "
                + "marker (another program's, or a Linden database whose creation was interrupted)");
          }
          Optional<Integer> version = StoreSchema.decode(value);
          return version.orElseThrow(() -> new IncompatibleStoreException(dir, "unreadable schema marker"));
        } finally {
          handles.forEach(ColumnFamilyHandle::close);
        }
      }
    } catch (RocksDBException e) {
      throw new IncompatibleStoreException(dir, "could not read the database's schema marker: " + e.getMessage());
    }
  }

  private static List<String> listNames(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String summary(List<String> names) {
    int shown = Math.min(5, names.size());
    String listed = String.join(", ", names.subList(0, shown));
    return names.size() > shown ? listed + ", and " + (names.size() - shown) + " more" : listed;
  }
}
