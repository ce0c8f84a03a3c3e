package org.linden.evm.state;

import java.util.Map;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * What a block of transactions did to one account, to be written to the database. A
 * deleted account has {@code info == null}. {@code storageCleared} means every slot not
 * listed in {@code storage} is now zero (the account was deleted or created anew).
 * {@code code} is non-null only when the code changed.
 */
public record AccountChange(
    Address address, AccountInfo info, Bytes code, boolean storageCleared, Map<UInt256, UInt256> storage) {
  public boolean deleted() {
    return info == null;
  }
}
