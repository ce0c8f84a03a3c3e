package org.linden.evm.precompile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.linden.evm.precompile.bls12381.G1Add;
import org.linden.evm.precompile.bls12381.G1Msm;
import org.linden.evm.precompile.bls12381.G2Add;
import org.linden.evm.precompile.bls12381.G2Msm;
import org.linden.evm.precompile.bls12381.MapFp2ToG2;
import org.linden.evm.precompile.bls12381.MapFpToG1;
import org.linden.evm.precompile.bls12381.PairingCheck;
import org.linden.evm.precompile.bn254.Bn254Add;
import org.linden.evm.precompile.bn254.Bn254Mul;
import org.linden.evm.precompile.bn254.Bn254Pairing;
import org.linden.types.Address;
import org.linden.types.Fork;

/**
 * Which precompiles exist in which fork:
 *
 * <ul>
 *   <li>0x01–0x04 ecrecover, sha256, ripemd160, identity: from Frontier
 *   <li>0x05–0x08 modexp and BN254 add, mul, pairing: from Byzantium
 *   <li>0x09 blake2f: from Istanbul
 *   <li>0x0a KZG point evaluation: from Cancun
 *   <li>0x0b–0x11 BLS12-381 (EIP-2537): from Prague
 *   <li>0x100 P256VERIFY: from Osaka
 * </ul>
 *
 * <p>Precompiles are stateless (the fork is an argument of every call), so one instance of
 * each serves every fork. Instances are made when a fork that has them is first asked
 * for, so whatever native code a precompile initialises waits until a fork needs it. The
 * address table needs no instances at all: {@link #isPrecompile} and {@link #addresses}
 * are pure lookups.
 */
public final class Precompiles {
  /** Every precompile with its first fork, in address order. */
  private static final List<Entry> ENTRIES =
      List.of(
          entry(0x01, Fork.FRONTIER, Ecrecover::new),
          entry(0x02, Fork.FRONTIER, Sha256::new),
          entry(0x03, Fork.FRONTIER, Ripemd160::new),
          entry(0x04, Fork.FRONTIER, Identity::new),
          entry(0x05, Fork.BYZANTIUM, Modexp::new),
          entry(0x06, Fork.BYZANTIUM, Bn254Add::new),
          entry(0x07, Fork.BYZANTIUM, Bn254Mul::new),
          entry(0x08, Fork.BYZANTIUM, Bn254Pairing::new),
          entry(0x09, Fork.ISTANBUL, Blake2f::new),
          entry(0x0a, Fork.CANCUN, KzgPointEvaluation::new),
          entry(0x0b, Fork.PRAGUE, G1Add::new),
          entry(0x0c, Fork.PRAGUE, G1Msm::new),
          entry(0x0d, Fork.PRAGUE, G2Add::new),
          entry(0x0e, Fork.PRAGUE, G2Msm::new),
          entry(0x0f, Fork.PRAGUE, PairingCheck::new),
          entry(0x10, Fork.PRAGUE, MapFpToG1::new),
          entry(0x11, Fork.PRAGUE, MapFp2ToG2::new),
          entry(0x100, Fork.OSAKA, P256Verify::new));

  private static final Map<Address, Fork> ACTIVATION = activationTable();
  private static final Map<Address, Precompile> INSTANCES = new ConcurrentHashMap<>();
  private static final Map<Fork, Map<Address, Precompile>> BY_FORK =
      Collections.synchronizedMap(new EnumMap<>(Fork.class));

  private Precompiles() {}

  /** The precompiles active in {@code fork}, by address, in address order. Unmodifiable and built once per fork. */
  public static Map<Address, Precompile> forFork(Fork fork) {
    Map<Address, Precompile> cached = BY_FORK.get(fork);
    if (cached != null) {
      return cached;
    }
    Map<Address, Precompile> built = new LinkedHashMap<>();
    for (Entry entry : ENTRIES) {
      if (fork.isAtLeast(entry.since())) {
        built.put(entry.address(), INSTANCES.computeIfAbsent(entry.address(), a -> entry.factory().get()));
      }
    }
    BY_FORK.putIfAbsent(fork, Collections.unmodifiableMap(built));
    return BY_FORK.get(fork);
  }

  /** True if {@code address} holds a precompile in {@code fork}. */
  public static boolean isPrecompile(Address address, Fork fork) {
    Fork since = ACTIVATION.get(address);
    return since != null && fork.isAtLeast(since);
  }

  /**
   * The precompile addresses of {@code fork} in address order, without making any
   * instance: what EIP-2929 warms at the start of a transaction.
   */
  public static List<Address> addresses(Fork fork) {
    List<Address> out = new ArrayList<>();
    for (Entry entry : ENTRIES) {
      if (fork.isAtLeast(entry.since())) {
        out.add(entry.address());
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static Map<Address, Fork> activationTable() {
    Map<Address, Fork> table = new LinkedHashMap<>();
    for (Entry entry : ENTRIES) {
      table.put(entry.address(), entry.since());
    }
    return Collections.unmodifiableMap(table);
  }

  private static Entry entry(long number, Fork since, Supplier<Precompile> factory) {
    return new Entry(Address.fromNumber(number), since, factory);
  }

  /** One precompile: its address, the fork that introduced it, and how to make it. */
  private record Entry(Address address, Fork since, Supplier<Precompile> factory) {}
}
