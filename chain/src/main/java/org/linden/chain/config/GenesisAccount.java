package org.linden.chain.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * An account of a genesis allocation: what the {@code alloc} section of a genesis file
 * sets for one address.
 *
 * @param nonce the account nonce (unsigned 64-bit)
 * @param balance the balance in wei
 * @param code the contract code, empty for none
 * @param storage storage slots and their values, sorted by slot; zero values are kept as written
 */
public record GenesisAccount(long nonce, UInt256 balance, Bytes code, Map<UInt256, UInt256> storage) {
  public GenesisAccount {
    if (balance == null || code == null || storage == null) {
      throw new IllegalArgumentException("genesis account fields must not be null");
    }
    storage = Collections.unmodifiableMap(new TreeMap<>(storage));
  }
}
