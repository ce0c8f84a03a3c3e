package org.linden.evm;

import org.linden.crypto.Keccak;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;

/** Addresses of new contracts: CREATE (from sender and nonce) and CREATE2 (EIP-1014). */
public final class ContractAddress {
  private ContractAddress() {}

  /** keccak256(rlp([sender, nonce]))[12:]. */
  public static Address of(Address sender, long nonce) {
    Bytes rlp = new RlpWriter().startList().writeBytes(sender.bytes()).writeUnsignedLong(nonce).endList().toBytes();
    return Address.wrap(Keccak.hash256(rlp).bytes().slice(12, 20));
  }

  /** keccak256(0xff ‖ sender ‖ salt ‖ keccak256(initCode))[12:]. */
  public static Address of2(Address sender, Bytes salt, Bytes initCode) {
    Bytes preimage = Bytes.concat(Bytes.of((byte) 0xff), sender.bytes(), salt, Keccak.hash256(initCode).bytes());
    return Address.wrap(Keccak.hash256(preimage).bytes().slice(12, 20));
  }
}
