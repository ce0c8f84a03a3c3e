package org.linden.evm;

import java.util.ArrayDeque;

/**
 * Stacks and memories of finished frames, kept per thread for the frames that come next. A
 * stack is 32 KiB; an EVM is made per transaction and per call, so without a pool that
 * outlives it every transaction would allocate and zero a stack of its own (5,000
 * transactions in a block: 160 MiB). Frames run start to finish on one thread, so a
 * thread's pool needs no locking.
 */
final class SpareFrames {
  /** At most this many of each are kept per thread: enough for the usual call depth. */
  private static final int MAX_SPARES = 16;

  /** Larger memories are left to the collector rather than zeroed and kept. */
  private static final int MAX_SPARE_MEMORY = 64 * 1024;

  private static final ThreadLocal<SpareFrames> OF_THREAD = ThreadLocal.withInitial(SpareFrames::new);

  private final ArrayDeque<Stack> stacks = new ArrayDeque<>();
  private final ArrayDeque<Memory> memories = new ArrayDeque<>();

  private SpareFrames() {}

  static SpareFrames ofCurrentThread() {
    return OF_THREAD.get();
  }

  /** A stack whose contents are never read above its top (which is 0). */
  Stack stack() {
    Stack s = stacks.poll();
    return s != null ? s : new Stack();
  }

  /** An empty memory. */
  Memory memory() {
    Memory m = memories.poll();
    return m != null ? m : new Memory();
  }

  /** Keeps a finished frame's stack and memory, unless there are enough already. */
  void release(Stack stack, Memory memory) {
    if (stacks.size() < MAX_SPARES) {
      stack.top = 0;
      stacks.push(stack);
    }
    if (memories.size() < MAX_SPARES && memory.capacity() <= MAX_SPARE_MEMORY) {
      memory.clear();
      memories.push(memory);
    }
  }
}
