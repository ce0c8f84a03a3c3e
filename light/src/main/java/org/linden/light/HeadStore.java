package org.linden.light;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.InvalidBlockException;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * The last verified header on disk, so a restart resumes there instead of at the
 * checkpoint. The file names the anchor it was verified from: started from another
 * anchor, the client ignores it. Written to a temporary file and moved, so a crash
 * leaves the old or the new header, never half of one.
 */
public final class HeadStore {
  private static final String FILE = "verified-head";

  private final Path file;

  public HeadStore(Path dataDir) {
    this.file = dataDir.resolve(FILE);
  }

  /** The stored header if it was verified from {@code anchor}. */
  public Optional<BlockHeader> load(Hash anchor) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      String[] lines = Files.readString(file, StandardCharsets.US_ASCII).strip().split("\n");
      if (lines.length != 2 || !Hash.fromHex(lines[0].strip()).equals(anchor)) {
        return Optional.empty();
      }
      return Optional.of(BlockHeader.decode(Bytes.fromHex(lines[1].strip())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidBlockException | IllegalArgumentException e) {
      // A damaged file only costs a longer catch-up from the anchor.
      return Optional.empty();
    }
  }

  public void save(Hash anchor, BlockHeader header) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Files.writeString(tmp, anchor.toHex() + "\n" + header.encode().toHex() + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
