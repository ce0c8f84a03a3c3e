package org.linden.crypto.hd;

import java.util.ArrayList;
import java.util.List;
import org.linden.crypto.PrivateKey;

/**
 * Ethereum accounts of a mnemonic along BIP-44's {@code m/44'/60'/0'/0/i}, the path MetaMask,
 * ethers, hardhat and anvil use. With {@link #TEST_MNEMONIC} these are the ten well-known
 * dev accounts ({@code 0xf39F...2266} first) that {@code linden dev} funds, so tools set up
 * for anvil or hardhat work unchanged.
 */
public final class DevAccounts {
  /** The standard, public test mnemonic of hardhat and anvil. Never use it for real funds. */
  public static final String TEST_MNEMONIC = "test test test test test test test test test test test junk";
  /** The account level of BIP-44 for Ethereum (coin type 60); account i is its child i. */
  public static final HdPath ETHEREUM_ACCOUNTS = HdPath.parse("m/44'/60'/0'/0");

  private DevAccounts() {}

  /** The first {@code count} accounts of {@code mnemonic} with an empty passphrase. */
  public static List<PrivateKey> fromMnemonic(String mnemonic, int count) {
    return fromMnemonic(mnemonic, "", count);
  }

  /** The first {@code count} accounts of {@code mnemonic} with {@code passphrase}. */
  public static List<PrivateKey> fromMnemonic(String mnemonic, String passphrase, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("account count must not be negative, got " + count);
    }
    // Derive the shared parent once; each account is then one normal child step.
    HdKey parent = HdKey.fromSeed(Mnemonic.toSeed(mnemonic, passphrase)).derive(ETHEREUM_ACCOUNTS);
    List<PrivateKey> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(parent.child(i).privateKey());
    }
    return List.copyOf(keys);
  }

  /** The first {@code count} accounts of {@link #TEST_MNEMONIC}. */
  public static List<PrivateKey> testAccounts(int count) {
    return fromMnemonic(TEST_MNEMONIC, count);
  }

  /** The path of account {@code i}: {@code m/44'/60'/0'/0/i}. */
  public static HdPath path(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("account index must not be negative, got " + i);
    }
    return ETHEREUM_ACCOUNTS.child(i);
  }
}
