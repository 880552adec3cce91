package org.equinode.torrent.swarm;

/** How many regular unchoke slots there are, the optimistic one not counted. */
public sealed interface UnchokeSlots {
  /** The most slots any rule gives. */
  int MAX_SLOTS = 1000;

  /** A fixed number, 4 by default as in BitTorrent 3 and mainline. */
  record Fixed(int count) implements UnchokeSlots {
    public Fixed {
      if (count < 0 || count > MAX_SLOTS) {
        throw new IllegalArgumentException("slot count " + count + " is outside 0.." + MAX_SLOTS);
      }
    }
  }

  /**
   * libtorrent's rate-based choker: with the peers sorted by our upload rate to them, each peer
   * that gets at least a threshold earns a slot, and the threshold rises by {@code step} for each
   * slot earned; then one more slot. The number of slots grows while more slots keep the upload
   * link busy and stops where each new peer would get little.
   */
  record RateBased(long initialThreshold, long step) implements UnchokeSlots {
    public RateBased {
      if (initialThreshold <= 0 || step < 0) {
        throw new IllegalArgumentException(
            "threshold " + initialThreshold + " and step " + step + " must be positive");
      }
    }
  }

  /** {@code count} regular slots. */
  static UnchokeSlots fixed(int count) {
    return new Fixed(count);
  }

  /** libtorrent's defaults: 1 KiB/s, then 2 KiB/s more per slot. */
  static UnchokeSlots rateBased() {
    return new RateBased(1024, 2048);
  }
}
