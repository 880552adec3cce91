package org.equinode.wallet.spend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses coins by their <em>effective value</em>: the amount minus the fee for spending it at the
 * transaction's fee rate. Two passes:
 *
 * <ol>
 *   <li><b>Branch and bound</b> (as in Bitcoin Core, after Erhardt's thesis): a depth-first search,
 *       largest coins first, for a set whose effective value lands in {@code [target, target +
 *       costOfChange]}: close enough that making change would cost more than the excess, so the
 *       transaction has no change output (cheaper now, and no new coin to spend later, and no
 *       change to link the payer's coins). Of the sets found within {@link #MAX_BNB_TRIES} steps,
 *       the one with the least excess wins.
 *   <li><b>Largest first</b>, if no such set exists: add coins from the largest until they cover
 *       the target plus a change output worth keeping ({@code minChange}); if all of them cover
 *       only the target, spend them all without change. Few inputs, so a small fee.
 * </ol>
 *
 * <p>Coins whose effective value is not positive cost more to spend than they hold and are never
 * chosen.
 */
public final class CoinSelector {
  /** Steps of the branch-and-bound search before it gives up and the fallback runs. */
  public static final int MAX_BNB_TRIES = 100_000;

  /**
   * A choice of coins.
   *
   * @param indices the chosen coins' positions in the list given, largest effective value first
   * @param changeless true when branch and bound found a set that needs no change
   */
  public record Choice(List<Integer> indices, boolean changeless) {
    public Choice {
      indices = List.copyOf(indices);
    }
  }

  private CoinSelector() {}

  /**
   * Chooses coins whose effective values cover {@code target}.
   *
   * @param effectiveValues each coin's amount minus the fee for spending it, in units
   * @param target the payments plus the fee for everything but inputs and change
   * @param costOfChange what a change output costs now and later (creating it and spending it)
   * @param minChange the least change worth an output (its cost plus the dust threshold)
   * @return the choice, or empty when all usable coins together do not cover {@code target}
   */
  public static Optional<Choice> select(
      long[] effectiveValues, long target, long costOfChange, long minChange) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < effectiveValues.length; i++) {
      if (effectiveValues[i] > 0) {
        order.add(i);
      }
    }
    order.sort(
        Comparator.comparingLong((Integer i) -> effectiveValues[i])
            .reversed()
            .thenComparingInt(i -> i));
    long[] values = order.stream().mapToLong(i -> effectiveValues[i]).toArray();
    Optional<List<Integer>> exact = branchAndBound(values, target, target + costOfChange);
    if (exact.isPresent()) {
      return Optional.of(new Choice(exact.get().stream().map(order::get).toList(), true));
    }
    long sum = 0;
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      chosen.add(order.get(i));
      sum += values[i];
      if (sum >= target + minChange) {
        return Optional.of(new Choice(chosen, false));
      }
    }
    return sum >= target ? Optional.of(new Choice(chosen, false)) : Optional.empty();
  }

  /**
   * Positions in {@code values} (sorted largest first) whose sum is in [low, high], least excess.
   */
  private static Optional<List<Integer>> branchAndBound(long[] values, long low, long high) {
    int n = values.length;
    long[] rest = new long[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      rest[i] = rest[i + 1] + values[i];
    }
    boolean[] included = new boolean[n];
    boolean[] best = null;
    long bestExcess = Long.MAX_VALUE;
    long sum = 0;
    int index = 0;
    for (int tries = 0; tries < MAX_BNB_TRIES; tries++) {
      boolean backtrack;
      if (sum > high || sum + rest[index] < low) {
        backtrack = true;
      } else if (sum >= low) {
        if (sum - low < bestExcess) {
          bestExcess = sum - low;
          best = included.clone();
        }
        backtrack = true;
      } else {
        backtrack = false;
      }
      if (!backtrack) {
        included[index] = true;
        sum += values[index];
        index++;
        continue;
      }
      if (bestExcess == 0) {
        break;
      }
      // Undo the last inclusion and try the branch without it.
      do {
        index--;
      } while (index >= 0 && !included[index]);
      if (index < 0) {
        break;
      }
      included[index] = false;
      sum -= values[index];
      index++;
    }
    if (best == null) {
      return Optional.empty();
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (best[i]) {
        out.add(i);
      }
    }
    return Optional.of(out);
  }
}
