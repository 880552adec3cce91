package org.equinode.testing;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Bounds what one decoder call allocates on the calling thread, for the fuzz harnesses: a decoder
 * that trusts a length or count from its input before checking it against a limit allocates far
 * more than the input's size, and this catches it even when the heap would have room.
 *
 * <p>The budget is {@link #BASE_BYTES} plus {@link #BYTES_PER_INPUT_BYTE} per input byte: a few MiB
 * for the fuzzers' inputs of up to 4 KiB, so it catches a claimed length trusted before it is
 * checked (megabytes for a few bytes), not a decoder that is merely wasteful. A call over budget
 * runs once more before failing: the first call of a run loads (and, when fuzzing, instruments)
 * classes, which allocates on the same thread; a decoder that really allocates too much does it
 * again.
 */
public final class AllocationBound {
  /**
   * What any call may allocate whatever its input: objects, small buffers, messages, and what
   * Jazzer's comparison hooks allocate on the same thread while fuzzing (about 1 MiB for a 2 KiB
   * magnet link with 50 peers, against 155 KiB without them).
   */
  public static final long BASE_BYTES = 4L << 20;

  /** What a call may allocate per byte of input: decoded values, their headers, hook records. */
  public static final long BYTES_PER_INPUT_BYTE = 256;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AllocationBound() {}

  /** The budget for decoding {@code inputLength} bytes. */
  public static long budget(int inputLength) {
    return BASE_BYTES + BYTES_PER_INPUT_BYTE * inputLength;
  }

  /**
   * Runs {@code call} on {@code input}'s budget and returns its result; an exception it throws
   * passes through unless the call was over budget.
   *
   * @throws AssertionError if the call allocates more than {@link #budget(int)} twice in a row
   */
  public static <T> T check(byte[] input, Supplier<T> call) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    T result;
    try {
      result = call.get();
    } catch (RuntimeException refused) {
      requireWithinBudget(input, call, THREADS.getCurrentThreadAllocatedBytes() - before);
      throw refused;
    }
    requireWithinBudget(input, call, THREADS.getCurrentThreadAllocatedBytes() - before);
    return result;
  }

  private static void requireWithinBudget(byte[] input, Supplier<?> call, long used) {
    long budget = budget(input.length);
    if (used <= budget) {
      return;
    }
    long again = allocatedBy(call);
    if (again > budget) {
      throw new AssertionError(
          "decoding "
              + input.length
              + " bytes allocated "
              + again
              + " bytes, over the budget of "
              + budget);
    }
  }

  private static long allocatedBy(Supplier<?> call) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    try {
      var unused = call.get();
    } catch (RuntimeException sameAsTheFirstCall) {
      // the first call's outcome is what the caller sees; only the allocation counts here
    }
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}
