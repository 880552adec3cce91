package org.equinode.torrent.peer;

/**
 * The 8 reserved bytes of the handshake, as one big-endian {@code long}, with the bits this engine
 * understands named. Bits we do not know are kept as received.
 *
 * <ul>
 *   <li>{@link #EXTENSION_PROTOCOL}: byte 5, {@code 0x10} (BEP 10);
 *   <li>{@link #FAST}: byte 7, {@code 0x04} (BEP 6);
 *   <li>{@link #DHT}: byte 7, {@code 0x01} (BEP 5).
 * </ul>
 */
public record ReservedBits(long bits) {
  /** The number of bytes on the wire. */
  public static final int LENGTH = 8;

  /** Byte 5 {@code & 0x10}: the extension protocol (BEP 10). */
  public static final long EXTENSION_PROTOCOL = bit(5, 0x10);

  /** Byte 7 {@code & 0x04}: the fast extension (BEP 6). */
  public static final long FAST = bit(7, 0x04);

  /** Byte 7 {@code & 0x01}: a DHT node, which sends a {@code port} message (BEP 5). */
  public static final long DHT = bit(7, 0x01);

  /** No bit set. */
  public static final ReservedBits NONE = new ReservedBits(0);

  /** The bits of byte {@code index} (0 first on the wire) under {@code mask}. */
  private static long bit(int index, int mask) {
    return ((long) mask) << (8 * (LENGTH - 1 - index));
  }

  /** What this engine announces: extension protocol and fast extension, DHT when asked. */
  public static ReservedBits ours(boolean dht) {
    return new ReservedBits(EXTENSION_PROTOCOL | FAST | (dht ? DHT : 0));
  }

  /** Whether {@link #EXTENSION_PROTOCOL} is set. */
  public boolean extensionProtocol() {
    return (bits & EXTENSION_PROTOCOL) != 0;
  }

  /** Whether {@link #FAST} is set. */
  public boolean fast() {
    return (bits & FAST) != 0;
  }

  /** Whether {@link #DHT} is set. */
  public boolean dht() {
    return (bits & DHT) != 0;
  }

  /** These bits and {@code mask}. */
  public ReservedBits with(long mask) {
    return new ReservedBits(bits | mask);
  }

  /** The bits both sides set: what a connection may use. */
  public ReservedBits and(ReservedBits other) {
    return new ReservedBits(bits & other.bits);
  }

  @Override
  public String toString() {
    return String.format("ReservedBits[%016x]", bits);
  }
}
