package org.equinode.torrent.bencode;

import java.util.Map;
import java.util.Optional;

/**
 * A decoded outer dictionary together with where each of its values lay in the input, so that a
 * caller can hash a value's exact original bytes (the info-hash is the SHA-1 of the {@code info}
 * value as it was sent, not as it would be re-encoded).
 */
public record TopLevelDict(BDict dict, Map<BBytes, ByteSpan> valueSpans) {
  public TopLevelDict {
    valueSpans = Map.copyOf(valueSpans);
  }

  /** Where the value under {@code key} lay in the input, if there was one. */
  public Optional<ByteSpan> span(String key) {
    return Optional.ofNullable(valueSpans.get(BBytes.of(key)));
  }
}
