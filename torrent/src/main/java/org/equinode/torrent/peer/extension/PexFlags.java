package org.equinode.torrent.peer.extension;

/** What a peer exchange message says about an added peer (BEP 11, one byte per peer). */
public record PexFlags(int bits) {
  /** Prefers encrypted connections. */
  public static final int ENCRYPTION = 0x01;

  /** Is a seed or upload-only. */
  public static final int SEED = 0x02;

  /** Speaks uTP (BEP 29). */
  public static final int UTP = 0x04;

  /** Speaks the holepunch extension (BEP 55). */
  public static final int HOLEPUNCH = 0x08;

  /** Was reached by an outgoing connection, so it accepts connections. */
  public static final int REACHABLE = 0x10;

  /** No flag. */
  public static final PexFlags NONE = new PexFlags(0);

  private static final int MAX_BITS = 0xff;

  public PexFlags {
    if (bits < 0 || bits > MAX_BITS) {
      throw new IllegalArgumentException("PEX flags are one byte, not " + bits);
    }
  }

  /** Whether every bit of {@code mask} is set. */
  public boolean has(int mask) {
    return (bits & mask) == mask;
  }

  public boolean seed() {
    return has(SEED);
  }

  public boolean reachable() {
    return has(REACHABLE);
  }
}
