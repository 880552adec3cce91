package org.equinode.torrent.bencode;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A bencoded dictionary ({@code d...e}): byte-string keys in unsigned byte order, each once.
 * Immutable.
 */
public record BDict(SortedMap<BBytes, BValue> entries) implements BValue {
  public BDict {
    // A fresh TreeMap in natural (unsigned byte) order, whatever order the argument was sorted in.
    TreeMap<BBytes, BValue> copy = new TreeMap<>();
    copy.putAll(entries);
    entries = Collections.unmodifiableSortedMap(copy);
  }

  /** A dictionary of the given entries; their order does not matter. */
  public static BDict of(Map<BBytes, ? extends BValue> entries) {
    TreeMap<BBytes, BValue> copy = new TreeMap<>();
    copy.putAll(entries);
    return new BDict(copy);
  }

  /** An empty dictionary. */
  public static BDict empty() {
    return new BDict(new TreeMap<>());
  }

  /** A builder that takes text keys. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value under {@code key} (UTF-8), if any. */
  public Optional<BValue> get(String key) {
    return get(BBytes.of(key));
  }

  /** The value under {@code key}, if any. */
  public Optional<BValue> get(BBytes key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The number of entries. */
  public int size() {
    return entries.size();
  }

  /**
   * Collects entries for a {@link BDict}; a later value for the same key replaces an earlier one.
   */
  public static final class Builder {
    private final TreeMap<BBytes, BValue> entries = new TreeMap<>();

    private Builder() {}

    /** Adds {@code key -> value}. */
    public Builder put(String key, BValue value) {
      entries.put(BBytes.of(key), value);
      return this;
    }

    /** Adds {@code key -> integer}. */
    public Builder put(String key, long value) {
      return put(key, BInteger.of(value));
    }

    /** Adds {@code key -> UTF-8 text}. */
    public Builder put(String key, String text) {
      return put(key, BBytes.of(text));
    }

    /** Adds {@code key -> bytes}. */
    public Builder put(String key, byte[] bytes) {
      return put(key, BBytes.of(bytes));
    }

    /** The dictionary built so far. */
    public BDict build() {
      return new BDict(entries);
    }
  }
}
