package org.linden.evm;

import java.util.Optional;
import org.linden.types.Address;
import org.linden.types.Bytes;

/** EIP-7702 delegation designators: code {@code 0xef0100 ‖ address} points at another account's code. */
public final class Delegation {
  public static final int DESIGNATOR_LENGTH = 23;
  private static final byte[] MARKER = {(byte) 0xef, 0x01, 0x00};

  private Delegation() {}

  public static boolean isDesignator(Bytes code) {
    if (code.size() != DESIGNATOR_LENGTH) {
      return false;
    }
    byte[] b = code.unsafeArray();
    return b[0] == MARKER[0] && b[1] == MARKER[1] && b[2] == MARKER[2];
  }

  /** The address the code delegates to, if the code is a designator. */
  public static Optional<Address> target(Bytes code) {
    return isDesignator(code) ? Optional.of(Address.wrap(code.slice(3, 20))) : Optional.empty();
  }

  public static Bytes designatorFor(Address address) {
    return Bytes.concat(Bytes.wrap(MARKER.clone()), address.bytes());
  }
}
