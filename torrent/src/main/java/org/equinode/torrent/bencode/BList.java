package org.equinode.torrent.bencode;

import java.util.List;

/** A bencoded list ({@code l...e}); immutable. */
public record BList(List<BValue> values) implements BValue {
  public BList {
    values = List.copyOf(values);
  }

  /** A list of the given values. */
  public static BList of(BValue... values) {
    return new BList(List.of(values));
  }

  /** The number of elements. */
  public int size() {
    return values.size();
  }
}
