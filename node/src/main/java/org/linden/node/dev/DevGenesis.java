package org.linden.node.dev;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.config.Genesis;
import org.linden.chain.config.GenesisAccount;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.hd.DevAccounts;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The genesis of {@code linden dev}: every fork through Osaka active from block 0, the ten
 * accounts of the standard test mnemonic funded with 10,000 ETH each (the accounts anvil
 * and hardhat fund, so scripts written for them work unchanged), the four system contracts
 * that Cancun and Prague blocks call, a 30M gas limit and a 1 gwei base fee.
 *
 * <p>The genesis depends only on the chain id and the gas limit (timestamp 0, no random
 * fields), so the same flags always give the same genesis hash.
 */
public final class DevGenesis {
  public static final long DEFAULT_CHAIN_ID = 1337;
  public static final long DEFAULT_GAS_LIMIT = 30_000_000L;
  public static final int ACCOUNT_COUNT = 10;
  public static final UInt256 ACCOUNT_BALANCE =
      UInt256.fromBigInteger(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(10_000)));
  public static final UInt256 BASE_FEE = UInt256.valueOf(1_000_000_000L);
  public static final Fork FORK = Fork.OSAKA;

  private DevGenesis() {}

  /** The ten dev accounts' keys: {@code m/44'/60'/0'/0/i} of the test mnemonic. */
  public static List<PrivateKey> accounts() {
    return DevAccounts.testAccounts(ACCOUNT_COUNT);
  }

  /** The dev chain's configuration: all forks through Osaka at genesis, already merged. */
  public static ChainConfig config(long chainId) {
    return ChainConfig.allForksThrough(chainId, FORK);
  }

  /** The dev genesis for a chain id and block gas limit. */
  public static Genesis create(long chainId, long gasLimit) {
    if (gasLimit < 5000) {
      throw new IllegalArgumentException("gas limit " + gasLimit + " is below the minimum of 5000");
    }
    Map<Address, GenesisAccount> alloc = new LinkedHashMap<>(SystemContracts.genesisAccounts(FORK, chainId));
    for (PrivateKey key : accounts()) {
      alloc.put(key.address(), new GenesisAccount(0, ACCOUNT_BALANCE, Bytes.EMPTY, Map.of()));
    }
    return new Genesis(config(chainId), 0, 0, Bytes.EMPTY, gasLimit, UInt256.ZERO, Hash.ZERO, Address.ZERO, alloc,
        0, 0, Hash.ZERO, BASE_FEE, 0L, 0L);
  }
}
