package org.linden.crypto.hd;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.linden.types.Bytes;

/**
 * A BIP-39 mnemonic sentence over the English word list: entropy of 128 to 256 bits plus a
 * SHA-256 checksum, written as 12 to 24 words. Instances are always valid; {@link #parse}
 * checks every word and the checksum and names what is wrong.
 *
 * <p>The seed is PBKDF2-HMAC-SHA512 of the NFKD-normalised sentence, salted with
 * {@code "mnemonic" + passphrase}, 2048 rounds, 64 bytes.
 */
public final class Mnemonic {
  /** PBKDF2 rounds fixed by BIP-39. */
  public static final int PBKDF2_ROUNDS = 2048;
  /** Seed length in bytes. */
  public static final int SEED_BYTES = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<String> words;

  private Mnemonic(List<String> words) {
    this.words = List.copyOf(words);
  }

  /**
   * Parses and validates a sentence. Words may be separated by any run of whitespace; they
   * are joined with single spaces, as wallets do, before the seed is computed.
   *
   * @throws InvalidMnemonicException naming the wrong word count, the first unknown word, or
   *     the failed checksum
   */
  public static Mnemonic parse(String sentence) {
    String normalized = Normalizer.normalize(sentence, Normalizer.Form.NFKD).strip();
    List<String> words = normalized.isEmpty() ? List.of() : List.of(normalized.split("\\s+"));
    decode(words);
    return new Mnemonic(words);
  }

  /** True if {@code sentence} is a valid English BIP-39 mnemonic. */
  public static boolean isValid(String sentence) {
    try {
      parse(sentence);
      return true;
    } catch (InvalidMnemonicException e) {
      return false;
    }
  }

  /**
   * The sentence that encodes {@code entropy}: 16, 20, 24, 28 or 32 bytes give 12, 15, 18, 21
   * or 24 words.
   */
  public static Mnemonic fromEntropy(Bytes entropy) {
    int n = entropy.size();
    if (n < 16 || n > 32 || n % 4 != 0) {
      throw new IllegalArgumentException("BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, got " + n);
    }
    // The bit string is the entropy followed by the first n/4 bits of its SHA-256; the hash's
    // remaining bits sit past the last word and are never read.
    byte[] bits = Bytes.concat(entropy, Bytes.wrap(sha256(entropy.toArray()))).toArray();
    int wordCount = (n * 8 + n * 8 / 32) / 11;
    Wordlist list = Wordlist.english();
    List<String> words = new ArrayList<>(wordCount);
    for (int w = 0; w < wordCount; w++) {
      int index = 0;
      for (int b = 0; b < 11; b++) {
        index = (index << 1) | bitAt(bits, w * 11 + b);
      }
      words.add(list.word(index));
    }
    return new Mnemonic(words);
  }

  /** A fresh sentence of {@code wordCount} words (12, 15, 18, 21 or 24) from a strong random source. */
  public static Mnemonic generate(int wordCount) {
    if (wordCount < 12 || wordCount > 24 || wordCount % 3 != 0) {
      throw new IllegalArgumentException("a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, got " + wordCount);
    }
    byte[] entropy = new byte[wordCount * 4 / 3];
    RANDOM.nextBytes(entropy);
    return fromEntropy(Bytes.wrap(entropy));
  }

  /**
   * The 64-byte seed of a sentence, after validating it. The passphrase (the "25th word") may
   * be empty but not null.
   *
   * @throws InvalidMnemonicException if the sentence is not a valid mnemonic
   */
  public static Bytes toSeed(String sentence, String passphrase) {
    return parse(sentence).seed(passphrase);
  }

  /** The words in order. */
  public List<String> words() {
    return words;
  }

  /** The words joined by single spaces: the form the seed is computed from. */
  public String phrase() {
    return String.join(" ", words);
  }

  /** The entropy this sentence encodes. */
  public Bytes entropy() {
    return decode(words);
  }

  /** The 64-byte BIP-39 seed with {@code passphrase} (empty for none). */
  public Bytes seed(String passphrase) {
    if (passphrase == null) {
      throw new IllegalArgumentException("passphrase must not be null; use \"\" for none");
    }
    byte[] password = phrase().getBytes(StandardCharsets.UTF_8);
    byte[] salt = ("mnemonic" + Normalizer.normalize(passphrase, Normalizer.Form.NFKD))
        .getBytes(StandardCharsets.UTF_8);
    PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA512Digest());
    gen.init(password, salt, PBKDF2_ROUNDS);
    byte[] seed = ((KeyParameter) gen.generateDerivedParameters(SEED_BYTES * 8)).getKey();
    Arrays.fill(password, (byte) 0);
    return Bytes.wrap(seed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mnemonic m && words.equals(m.words);
  }

  @Override
  public int hashCode() {
    return words.hashCode();
  }

  /** Never prints the words: they are the key. */
  @Override
  public String toString() {
    return "Mnemonic[" + words.size() + " words]";
  }

  // Words to entropy, checking word count, each word and the checksum.
  private static Bytes decode(List<String> words) {
    int count = words.size();
    if (count < 12 || count > 24 || count % 3 != 0) {
      throw new InvalidMnemonicException("a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, got " + count);
    }
    Wordlist list = Wordlist.english();
    int totalBits = count * 11;
    int checksumBits = totalBits / 33;
    int entropyBits = totalBits - checksumBits;
    byte[] bits = new byte[(totalBits + 7) / 8];
    for (int w = 0; w < count; w++) {
      String word = words.get(w);
      int index = list.indexOf(word);
      if (index < 0) {
        throw new InvalidMnemonicException(unknownWord(list, word, w + 1));
      }
      for (int b = 0; b < 11; b++) {
        if ((index >> (10 - b) & 1) != 0) {
          int bit = w * 11 + b;
          bits[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
      }
    }
    byte[] entropy = Arrays.copyOf(bits, entropyBits / 8);
    byte[] hash = sha256(entropy);
    for (int i = 0; i < checksumBits; i++) {
      if (bitAt(bits, entropyBits + i) != bitAt(hash, i)) {
        throw new InvalidMnemonicException("mnemonic checksum does not match: every word is in the list, "
            + "but a word is wrong or out of order (the last word carries the checksum)");
      }
    }
    return Bytes.wrap(entropy);
  }

  private static String unknownWord(Wordlist list, String word, int position) {
    StringBuilder sb = new StringBuilder("word ").append(position).append(" '").append(word)
        .append("' is not in the BIP-39 English word list");
    String lower = word.toLowerCase(Locale.ROOT);
    if (!lower.equals(word) && list.indexOf(lower) >= 0) {
      sb.append(" (the words are lower case)");
    } else {
      String suggestion = list.suggest(lower);
      if (suggestion != null) {
        sb.append(" (did you mean '").append(suggestion).append("'?)");
      }
    }
    return sb.toString();
  }

  private static int bitAt(byte[] data, int bit) {
    return (data[bit / 8] >> (7 - bit % 8)) & 1;
  }

  private static byte[] sha256(byte[] data) {
    SHA256Digest d = new SHA256Digest();
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
