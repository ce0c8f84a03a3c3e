package org.linden.crypto.hd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The BIP-39 English word list: 2048 lower-case words, sorted, so that a word's position is
 * its 11-bit value. The list ships as a resource (the official {@code english.txt}); a test
 * pins its SHA-256 so that a damaged copy can never silently produce other keys.
 */
public final class Wordlist {
  /** Words in a BIP-39 list: each word carries 11 bits. */
  public static final int SIZE = 2048;

  static final String RESOURCE = "bip39-english.txt";

  private static final Wordlist ENGLISH = load();

  private final String[] words;

  private Wordlist(String[] words) {
    this.words = words;
  }

  /** The official English list. */
  public static Wordlist english() {
    return ENGLISH;
  }

  /** The word whose 11-bit value is {@code index}. */
  public String word(int index) {
    if (index < 0 || index >= SIZE) {
      throw new IndexOutOfBoundsException("a BIP-39 word index is 0..2047, got " + index);
    }
    return words[index];
  }

  /** The 11-bit value of {@code word}, or -1 if it is not in the list (the match is exact). */
  public int indexOf(String word) {
    int i = Arrays.binarySearch(words, word);
    return i >= 0 ? i : -1;
  }

  /**
   * The word that starts with the same four letters, if any. BIP-39 words are unique in their
   * first four letters, so this names the word a typo most likely meant.
   */
  public String suggest(String word) {
    if (word.length() < 4) {
      return null;
    }
    String prefix = word.substring(0, 4);
    int i = Arrays.binarySearch(words, prefix);
    int at = i >= 0 ? i : -i - 1;
    return at < SIZE && words[at].startsWith(prefix) ? words[at] : null;
  }

  /** All words in order. */
  public List<String> words() {
    return List.of(words);
  }

  private static Wordlist load() {
    byte[] raw;
    try (InputStream in = Wordlist.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("BIP-39 word list resource " + RESOURCE + " is missing");
      }
      raw = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the BIP-39 word list resource " + RESOURCE, e);
    }
    String[] words = new String(raw, StandardCharsets.UTF_8).split("\n");
    check(words);
    return new Wordlist(words);
  }

  // Lookups use binary search and values come from positions, so a list that is short,
  // unsorted or padded would give wrong keys rather than an error: refuse it up front.
  private static void check(String[] words) {
    if (words.length != SIZE) {
      throw new IllegalStateException("BIP-39 word list has " + words.length + " words, expected " + SIZE);
    }
    for (int i = 0; i < SIZE; i++) {
      if (!words[i].matches("[a-z]{3,8}")) {
        throw new IllegalStateException("BIP-39 word list line " + (i + 1) + " is not a lower-case word");
      }
      if (i > 0 && words[i - 1].compareTo(words[i]) >= 0) {
        throw new IllegalStateException("BIP-39 word list is not sorted at line " + (i + 1));
      }
    }
  }
}
