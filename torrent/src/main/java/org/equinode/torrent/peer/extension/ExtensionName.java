package org.equinode.torrent.peer.extension;

import java.util.Optional;

/** The extensions this engine speaks, by the names that go into the {@code m} dictionary. */
public enum ExtensionName {
  /** Metadata exchange (BEP 9). */
  UT_METADATA("ut_metadata"),
  /** Peer exchange (BEP 11). */
  UT_PEX("ut_pex");

  private final String wireName;

  ExtensionName(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the {@code m} dictionary. */
  public String wireName() {
    return wireName;
  }

  /** The extension called {@code wireName}, if we speak it. */
  public static Optional<ExtensionName> ofWireName(String wireName) {
    for (ExtensionName name : values()) {
      if (name.wireName.equals(wireName)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }
}
