package org.linden.crypto.hd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.linden.types.Hex;

class MnemonicWordlistTest {
  /**
   * SHA-256 of the official bip-0039/english.txt in bitcoin/bips, as pinned by wallet
   * libraries (e.g. rust-bip39's wordlist hash test). A single changed byte would change keys.
   */
  private static final String ENGLISH_SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";

  @Test
  void resourceIsTheOfficialEnglishList() throws Exception {
    byte[] raw;
    try (InputStream in = Wordlist.class.getResourceAsStream(Wordlist.RESOURCE)) {
      raw = in.readAllBytes();
    }
    assertThat(Hex.encode(MessageDigest.getInstance("SHA-256").digest(raw))).isEqualTo(ENGLISH_SHA256);
  }

  @Test
  void listHas2048SortedWordsUniqueInFourLetters() {
    Wordlist list = Wordlist.english();
    assertThat(list.words()).hasSize(2048).isSorted().doesNotHaveDuplicates();
    assertThat(list.words().stream().map(w -> w.substring(0, Math.min(4, w.length()))).distinct()).hasSize(2048);
    assertThat(list.word(0)).isEqualTo("abandon");
    assertThat(list.word(2047)).isEqualTo("zoo");
    assertThat(list.indexOf("junk")).isEqualTo(list.words().indexOf("junk"));
    assertThat(list.indexOf("junkk")).isEqualTo(-1);
  }

  @Test
  void suggestsTheWordWithTheSameFourLetters() {
    assertThat(Wordlist.english().suggest("abanden")).isEqualTo("abandon");
    assertThat(Wordlist.english().suggest("xyzw")).isNull();
    assertThat(Wordlist.english().suggest("ab")).isNull();
  }
}
