package org.linden.rpc.eth;

/**
 * A call that could not start, as a transaction would be refused before execution: fees
 * below the base fee, a balance too small for gas and value, gas below the intrinsic cost,
 * a wrong nonce when nonces are checked. Nothing ran and no gas was used. The kind maps
 * to the error codes {@code eth_simulateV1} defines.
 */
public final class CallRejectedException extends Exception {
  /** Why the call was refused. */
  public enum Kind {
    NONCE_TOO_LOW(-38010),
    NONCE_TOO_HIGH(-38011),
    INTRINSIC_GAS(-38013),
    INSUFFICIENT_FUNDS(-38014),
    BLOCK_GAS_LIMIT(-38015),
    INIT_CODE_TOO_LARGE(-38025),
    FEE(-32602),
    INVALID(-32602);

    private final int simulateCode;

    Kind(int simulateCode) {
      this.simulateCode = simulateCode;
    }

    /** The error code of this refusal in {@code eth_simulateV1}. */
    public int simulateCode() {
      return simulateCode;
    }
  }

  private final Kind kind;

  public CallRejectedException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
