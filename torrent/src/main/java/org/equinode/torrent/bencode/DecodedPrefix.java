package org.equinode.torrent.bencode;

/** A value decoded from the start of an input, and the number of bytes it took. */
public record DecodedPrefix(BValue value, int length) {
  public DecodedPrefix {
    if (length < 1) {
      throw new IllegalArgumentException("a bencoded value takes at least one byte, not " + length);
    }
  }
}
