package org.equinode.torrent.peer.extension;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Which extended message id stands for which extension, on one side of a connection. Our ids
 * ({@link #LOCAL}) are what the peer puts on messages it sends us; the peer's ids, from its
 * extended handshake, are what we put on messages we send it. Ids are 1 to 255; 0 in a handshake
 * means "not supported" and is left out.
 */
public record ExtensionIds(Map<ExtensionName, Integer> ids) {
  /** The largest extended message id. */
  public static final int MAX_ID = 255;

  /** Our ids; the same numbers libtorrent uses, which helps nobody but reads well in dumps. */
  public static final ExtensionIds LOCAL =
      new ExtensionIds(Map.of(ExtensionName.UT_PEX, 1, ExtensionName.UT_METADATA, 2));

  /** No extension: the peer's side before its extended handshake. */
  public static final ExtensionIds NONE = new ExtensionIds(Map.of());

  public ExtensionIds {
    EnumMap<ExtensionName, Integer> copy = new EnumMap<>(ExtensionName.class);
    for (Map.Entry<ExtensionName, Integer> entry : ids.entrySet()) {
      int id = entry.getValue();
      if (id < 1 || id > MAX_ID) {
        throw new IllegalArgumentException(
            "extension id " + id + " for " + entry.getKey() + " is outside 1.." + MAX_ID);
      }
      copy.put(entry.getKey(), id);
    }
    ids = Map.copyOf(copy);
  }

  /** The ids of the extensions we speak among those the peer's handshake names. */
  public static ExtensionIds of(ExtendedHandshake handshake) {
    EnumMap<ExtensionName, Integer> ids = new EnumMap<>(ExtensionName.class);
    handshake
        .messageIds()
        .forEach(
            (wireName, id) ->
                ExtensionName.ofWireName(wireName)
                    .filter(name -> id > 0)
                    .ifPresent(name -> ids.put(name, id)));
    return new ExtensionIds(ids);
  }

  /** The id of {@code name}, if this side supports it. */
  public OptionalInt id(ExtensionName name) {
    Integer id = ids.get(name);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The extension with message id {@code id}, if any. */
  public Optional<ExtensionName> name(int id) {
    for (Map.Entry<ExtensionName, Integer> entry : ids.entrySet()) {
      if (entry.getValue() == id) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  /** The ids as the {@code m} dictionary of a handshake holds them. */
  public Map<String, Integer> byWireName() {
    Map<String, Integer> out = new TreeMap<>();
    ids.forEach((name, id) -> out.put(name.wireName(), id));
    return out;
  }
}
