package org.equinode.wallet.spend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.equinode.chain.lock.Lock;
import org.equinode.crypto.Ed25519PublicKey;

/**
 * Decides how to satisfy a lock with what a {@link KeyRing} holds, for a transaction meant for the
 * next block. Works on any lock, not only the shapes the wallet creates:
 *
 * <ul>
 *   <li>{@code SIG(pk)}: the ring signs for {@code pk};
 *   <li>{@code MULTI(k; …)}: the ring signs for at least k keys; the first k in key order sign;
 *   <li>{@code HASH(d)}: the ring knows the preimage;
 *   <li>{@code AFTER(h)}: {@code h} is at most the next block's height (the transaction's lock time
 *       is raised to {@code h});
 *   <li>{@code OLDER(b)}: the coin is confirmed and the next block is at least {@code b} blocks
 *       after the one that created it;
 *   <li>{@code AND}: every child; {@code OR}: the satisfiable child with the smallest witness (the
 *       first on a tie); {@code THRESH(k; …)}: the k satisfiable children with the smallest
 *       witnesses.
 * </ul>
 */
public final class Satisfier {
  private final KeyRing ring;
  private final int nextHeight;
  private final Optional<Integer> coinHeight;

  /**
   * A satisfier for a coin spent in the block at {@code nextHeight}.
   *
   * @param ring the signatures and preimages available
   * @param nextHeight the height of the block the transaction is meant for (the tip's plus one)
   * @param coinHeight the height of the block that created the spent coin, empty if unconfirmed
   */
  public Satisfier(KeyRing ring, int nextHeight, Optional<Integer> coinHeight) {
    this.ring = ring;
    this.nextHeight = nextHeight;
    this.coinHeight = coinHeight;
  }

  /** A plan that satisfies {@code lock}, or empty when the ring cannot. */
  public Optional<WitnessPlan> plan(Lock lock) {
    return switch (lock) {
      case Lock.Sig sig ->
          ring.canSign(sig.key()) ? Optional.of(new WitnessPlan.Sig(sig.key())) : Optional.empty();
      case Lock.Multi multi -> multi(multi);
      case Lock.HashLock hash -> ring.preimage(hash.digest()).map(WitnessPlan.Preimage::new);
      case Lock.After after ->
          after.height() <= nextHeight
              ? Optional.of(new WitnessPlan.After(after.height()))
              : Optional.empty();
      case Lock.Older older ->
          coinHeight
              .filter(height -> (long) nextHeight - height >= older.blocks())
              .map(height -> new WitnessPlan.Older());
      case Lock.And and -> and(and);
      case Lock.Or or -> or(or);
      case Lock.Thresh thresh -> thresh(thresh);
    };
  }

  private Optional<WitnessPlan> multi(Lock.Multi multi) {
    int selected = 0;
    List<Ed25519PublicKey> signers = new ArrayList<>();
    for (int i = 0; i < multi.keys().size() && signers.size() < multi.k(); i++) {
      if (ring.canSign(multi.keys().get(i))) {
        selected |= 1 << i;
        signers.add(multi.keys().get(i));
      }
    }
    return signers.size() == multi.k()
        ? Optional.of(new WitnessPlan.Multi(selected, signers))
        : Optional.empty();
  }

  private Optional<WitnessPlan> and(Lock.And and) {
    List<WitnessPlan> children = new ArrayList<>();
    for (Lock child : and.children()) {
      Optional<WitnessPlan> plan = plan(child);
      if (plan.isEmpty()) {
        return Optional.empty();
      }
      children.add(plan.get());
    }
    return Optional.of(new WitnessPlan.And(children));
  }

  private record Option(int index, WitnessPlan plan, int size) {}

  private List<Option> options(List<Lock> children) {
    List<Option> options = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      int index = i;
      plan(children.get(i)).ifPresent(p -> options.add(new Option(index, p, p.size())));
    }
    return options;
  }

  private Optional<WitnessPlan> or(Lock.Or or) {
    return options(or.children()).stream()
        .min(Comparator.comparingInt(Option::size).thenComparingInt(Option::index))
        .map(best -> new WitnessPlan.Or(best.index(), best.plan()));
  }

  private Optional<WitnessPlan> thresh(Lock.Thresh thresh) {
    List<Option> options = new ArrayList<>(options(thresh.children()));
    if (options.size() < thresh.k()) {
      return Optional.empty();
    }
    options.sort(Comparator.comparingInt(Option::size).thenComparingInt(Option::index));
    List<Option> chosen = new ArrayList<>(options.subList(0, thresh.k()));
    chosen.sort(Comparator.comparingInt(Option::index));
    int selected = 0;
    for (Option option : chosen) {
      selected |= 1 << option.index();
    }
    return Optional.of(
        new WitnessPlan.Thresh(selected, chosen.stream().map(Option::plan).toList()));
  }
}
