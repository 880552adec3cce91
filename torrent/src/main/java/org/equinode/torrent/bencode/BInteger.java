package org.equinode.torrent.bencode;

/** A bencoded integer ({@code i42e}); bencoding allows any size, this decoder any {@code long}. */
public record BInteger(long value) implements BValue {
  /** The integer {@code value}. */
  public static BInteger of(long value) {
    return new BInteger(value);
  }
}
