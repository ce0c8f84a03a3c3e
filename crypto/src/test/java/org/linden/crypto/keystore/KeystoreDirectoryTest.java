package org.linden.crypto.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.crypto.PrivateKey;

class KeystoreDirectoryTest {
  @TempDir Path tmp;

  @Test
  void storesPrivatelyAndListsWhatItStored() throws Exception {
    KeystoreDirectory dir = new KeystoreDirectory(tmp.resolve("nested/keystore"));
    PrivateKey key = PrivateKey.random();
    Path file = dir.store(Keystore.encrypt(key, "pw", KdfParams.pbkdf2(1)), Instant.parse("2024-05-06T07:08:09.123Z"));

    assertThat(file.getFileName().toString())
        .isEqualTo("UTC--2024-05-06T07-08-09.123000000Z--" + key.address().bytes().toUnprefixedHex());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path()))).isEqualTo("rwx------");
    try (Stream<Path> s = Files.list(dir.path())) {
      assertThat(s.toList()).containsExactly(file); // no temporary file left behind
    }
    KeystoreDirectory.Listing listing = dir.list();
    assertThat(listing.accounts()).singleElement().satisfies(e -> {
      assertThat(e.address()).isEqualTo(key.address());
      assertThat(e.file()).isEqualTo(file);
    });
    assertThat(listing.skipped()).isEmpty();
    assertThat(dir.find(key.address())).isPresent();
    assertThat(dir.find(PrivateKey.random().address())).isEmpty();
    assertThat(Keystore.decrypt(KeystoreDirectory.read(file), "pw")).isEqualTo(key);
  }

  @Test
  void neverReplacesAnExistingFile() throws Exception {
    KeystoreDirectory dir = new KeystoreDirectory(tmp);
    PrivateKey key = PrivateKey.random();
    Instant t = Instant.parse("2024-05-06T07:08:09Z");
    Path file = dir.store(Keystore.encrypt(key, "pw", KdfParams.pbkdf2(1)), t);
    String before = Files.readString(file);
    assertThatThrownBy(() -> dir.store(Keystore.encrypt(key, "other", KdfParams.pbkdf2(1)), t))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void listReportsFilesThatAreNotKeystores() throws Exception {
    KeystoreDirectory dir = new KeystoreDirectory(tmp);
    PrivateKey key = PrivateKey.random();
    dir.store(Keystore.encrypt(key, "pw", KdfParams.pbkdf2(1)), Instant.now());
    Files.writeString(tmp.resolve("notes.txt"), "not a key");
    Files.writeString(tmp.resolve(".hidden"), "ignored");
    Files.writeString(tmp.resolve("backup~"), "ignored");
    Files.createDirectory(tmp.resolve("sub"));
    KeystoreFile noAddress = Keystore.encrypt(PrivateKey.random(), "pw", KdfParams.pbkdf2(1));
    Files.writeString(tmp.resolve("anonymous.json"),
        noAddress.toJson().replaceFirst("\"address\":\"[0-9a-f]+\",", ""));

    KeystoreDirectory.Listing listing = dir.list();
    assertThat(listing.accounts()).extracting(KeystoreDirectory.Entry::address).containsExactly(key.address());
    assertThat(listing.skipped()).extracting(s -> s.file().getFileName().toString())
        .containsExactly("anonymous.json", "notes.txt");
    assertThat(listing.skipped().get(0).reason()).contains("no address");
    assertThat(listing.skipped().get(1).reason()).contains("not valid JSON");
  }

  @Test
  void missingDirectoryListsAsEmpty() throws Exception {
    KeystoreDirectory.Listing listing = new KeystoreDirectory(tmp.resolve("none")).list();
    assertThat(listing.accounts()).isEmpty();
    assertThat(listing.skipped()).isEmpty();
  }

  @Test
  void oversizedFileIsRefusedUnread() throws Exception {
    Path big = tmp.resolve("big");
    Files.write(big, new byte[KeystoreDirectory.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> KeystoreDirectory.read(big))
        .isInstanceOfSatisfying(InvalidKeystoreException.class, e -> assertThat(e.field()).isEqualTo("(file)"))
        .hasMessageContaining("too large");
  }
}
