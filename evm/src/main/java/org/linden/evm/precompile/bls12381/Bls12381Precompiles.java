package org.linden.evm.precompile.bls12381;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linden.evm.precompile.Precompile;

/**
 * The seven BLS12-381 precompiles of EIP-2537, active from Prague, by the low byte of their
 * address (0x000…0b to 0x000…11). The precompiles themselves are stateless and thread-safe.
 */
public final class Bls12381Precompiles {
  public static final int G1ADD = 0x0b;
  public static final int G1MSM = 0x0c;
  public static final int G2ADD = 0x0d;
  public static final int G2MSM = 0x0e;
  public static final int PAIRING_CHECK = 0x0f;
  public static final int MAP_FP_TO_G1 = 0x10;
  public static final int MAP_FP2_TO_G2 = 0x11;

  private static final Map<Integer, Precompile> BY_ADDRESS = build();

  private Bls12381Precompiles() {}

  /** Address low byte → precompile, in address order; unmodifiable. */
  public static Map<Integer, Precompile> byAddress() {
    return BY_ADDRESS;
  }

  private static Map<Integer, Precompile> build() {
    Map<Integer, Precompile> m = new LinkedHashMap<>();
    m.put(G1ADD, new G1Add());
    m.put(G1MSM, new G1Msm());
    m.put(G2ADD, new G2Add());
    m.put(G2MSM, new G2Msm());
    m.put(PAIRING_CHECK, new PairingCheck());
    m.put(MAP_FP_TO_G1, new MapFpToG1());
    m.put(MAP_FP2_TO_G2, new MapFp2ToG2());
    return Collections.unmodifiableMap(m);
  }
}
