package org.equinode.torrent.swarm;

import java.time.Duration;

/**
 * The choker's settings.
 *
 * @param slots how many regular unchoke slots
 * @param rechokeInterval how often the regular slots are re-ranked (10 s in BEP 3)
 * @param optimisticInterval how often the optimistic unchoke moves (30 s in BEP 3)
 * @param newPeerAge a peer connected for less than this is three times as likely to get the
 *     optimistic unchoke, so that a newcomer soon has something to trade
 * @param seedOrder how peers that send us nothing are ranked
 * @param seedTurn how long a peer keeps a slot under {@link SeedOrder#ROUND_ROBIN}
 */
public record ChokerConfig(
    UnchokeSlots slots,
    Duration rechokeInterval,
    Duration optimisticInterval,
    Duration newPeerAge,
    SeedOrder seedOrder,
    Duration seedTurn) {
  /** Four slots, 10 s, 30 s, new for 60 s, round robin with 60 s turns. */
  public static final ChokerConfig DEFAULT =
      new ChokerConfig(
          UnchokeSlots.fixed(4),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          SeedOrder.ROUND_ROBIN,
          Duration.ofSeconds(60));

  public ChokerConfig {
    for (Duration d : new Duration[] {rechokeInterval, optimisticInterval, newPeerAge, seedTurn}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("choker durations must be positive, got " + d);
      }
    }
  }

  public ChokerConfig withSlots(UnchokeSlots slots) {
    return new ChokerConfig(
        slots, rechokeInterval, optimisticInterval, newPeerAge, seedOrder, seedTurn);
  }

  public ChokerConfig withSeedOrder(SeedOrder seedOrder) {
    return new ChokerConfig(
        slots, rechokeInterval, optimisticInterval, newPeerAge, seedOrder, seedTurn);
  }
}
