package org.linden.evm;

/**
 * An exceptional halt of the current frame (out of gas, stack underflow, bad jump, ...):
 * all gas of the frame is consumed and its state changes are reverted. Instances are
 * shared and carry no stack trace, so halting costs no more than a return.
 */
public final class ExceptionalHalt extends RuntimeException {
  public static final ExceptionalHalt OUT_OF_GAS = new ExceptionalHalt("out of gas");
  public static final ExceptionalHalt STACK_UNDERFLOW = new ExceptionalHalt("stack underflow");
  public static final ExceptionalHalt STACK_OVERFLOW = new ExceptionalHalt("stack limit reached 1024 (1023)");
  public static final ExceptionalHalt INVALID_JUMP = new ExceptionalHalt("invalid jump destination");
  public static final ExceptionalHalt INVALID_OPCODE = new ExceptionalHalt("invalid opcode");
  public static final ExceptionalHalt WRITE_PROTECTION = new ExceptionalHalt("write protection");
  public static final ExceptionalHalt RETURN_DATA_OUT_OF_BOUNDS = new ExceptionalHalt("return data out of bounds");
  public static final ExceptionalHalt CODE_SIZE_EXCEEDED = new ExceptionalHalt("max code size exceeded");
  public static final ExceptionalHalt INVALID_CODE_PREFIX = new ExceptionalHalt("invalid code: must not begin with 0xef");
  public static final ExceptionalHalt ADDRESS_COLLISION = new ExceptionalHalt("contract address collision");
  public static final ExceptionalHalt PRECOMPILE_FAILURE = new ExceptionalHalt("precompile failed");
  public static final ExceptionalHalt CODE_STORE_OUT_OF_GAS = new ExceptionalHalt("contract creation code storage out of gas");

  private ExceptionalHalt(String message) {
    super(message, null, false, false);
  }
}
