package org.linden.chain.store;

import org.linden.types.Hash;

/** The data directory holds a chain with another genesis than the one given. */
public final class GenesisMismatchException extends Exception {
  public GenesisMismatchException(Hash stored, Hash given) {
    super("the data directory holds a chain with genesis " + stored + ", but the genesis file gives " + given
        + "; use another --datadir, or the genesis this directory was initialised with");
  }
}
