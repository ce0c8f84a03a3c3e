package org.linden.light;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.linden.chain.block.BlockHeader;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.StateReader;
import org.linden.trie.MerkleTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The state after one verified block, fetched lazily: each account, slot and code the EVM
 * touches is asked for once, with its proof, and checked against the block's state root.
 */
public final class ProvenState implements StateReader {
  private final UpstreamPool upstreams;
  private final BlockHeader header;
  private final Map<Address, ProvenAccount> accounts = new ConcurrentHashMap<>();
  private final Map<Hash, Address> codeOwners = new ConcurrentHashMap<>();
  private final Map<Hash, Bytes> codes = new ConcurrentHashMap<>();

  public ProvenState(UpstreamPool upstreams, BlockHeader header) {
    this.upstreams = upstreams;
    this.header = header;
  }

  /** The proven account (empty fields when it does not exist). */
  public ProvenAccount proven(Address address) {
    return accounts.computeIfAbsent(address, a -> upstreams.query(
        u -> StateProofs.fetch(u, header.stateRoot(), header.number(), a, List.of()).account()));
  }

  @Override
  public Optional<AccountInfo> account(Address address) {
    ProvenAccount a = proven(address);
    if (!a.exists()) {
      return Optional.empty();
    }
    codeOwners.putIfAbsent(a.codeHash(), address);
    return Optional.of(a.info());
  }

  @Override
  public Bytes code(Hash codeHash) {
    Address owner = codeOwners.get(codeHash);
    if (owner == null) {
      // The EVM only asks for code of accounts it has read, so the owner is known.
      throw new VerificationException("code " + codeHash + " was asked for before its account");
    }
    return codes.computeIfAbsent(codeHash,
        h -> upstreams.query(u -> StateProofs.code(u, owner, h, header.number())));
  }

  /** The code of {@code address}, checked against its proven code hash. */
  public Bytes codeOf(Address address) {
    ProvenAccount a = proven(address);
    codeOwners.putIfAbsent(a.codeHash(), address);
    return code(a.codeHash());
  }

  @Override
  public boolean hasStorage(Address address) {
    return !proven(address).storageRoot().equals(MerkleTrie.EMPTY_ROOT);
  }

  @Override
  public UInt256 storage(Address address, UInt256 slot) {
    if (!hasStorage(address)) {
      return UInt256.ZERO;
    }
    return upstreams.query(u -> StateProofs.fetch(u, header.stateRoot(), header.number(), address, List.of(slot)))
        .slots().get(0);
  }
}
