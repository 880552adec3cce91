package org.equinode.torrent.peer.extension;

import java.util.Optional;
import java.util.OptionalLong;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BInteger;
import org.equinode.torrent.bencode.BValue;
import org.equinode.torrent.bencode.Bencode;
import org.equinode.torrent.bencode.BencodeException;
import org.equinode.torrent.bencode.DecodedPrefix;
import org.equinode.torrent.bencode.KeyOrder;
import org.equinode.torrent.peer.CloseReason;
import org.equinode.torrent.peer.PeerWireException;

/** Shared reading of bencoded extension payloads: lenient key order, typed errors. */
final class ExtensionWire {
  private ExtensionWire() {}

  static PeerWireException malformed(String message) {
    return new PeerWireException(CloseReason.MALFORMED_EXTENSION_MESSAGE, message);
  }

  /** The payload as one dictionary filling it; keys in any order, as peers are not hashed. */
  static BDict dict(byte[] payload, String what) {
    try {
      if (Bencode.decode(payload, KeyOrder.ANY) instanceof BDict dict) {
        return dict;
      }
    } catch (BencodeException e) {
      throw malformed(what + ": " + e.getMessage());
    }
    throw malformed(what + " is not a dictionary");
  }

  /** The dictionary at the start of the payload, and where it ended. */
  static DecodedPrefix dictPrefix(byte[] payload, String what) {
    DecodedPrefix prefix;
    try {
      prefix = Bencode.decodePrefix(payload, KeyOrder.ANY);
    } catch (BencodeException e) {
      throw malformed(what + ": " + e.getMessage());
    }
    if (!(prefix.value() instanceof BDict)) {
      throw malformed(what + " does not start with a dictionary");
    }
    return prefix;
  }

  /** The integer under {@code key}, if there is one of that type. */
  static OptionalLong integer(BDict dict, String key) {
    Optional<BValue> value = dict.get(key);
    return value.isPresent() && value.get() instanceof BInteger i
        ? OptionalLong.of(i.value())
        : OptionalLong.empty();
  }

  /** The byte string under {@code key}, if there is one of that type. */
  static Optional<BBytes> bytes(BDict dict, String key) {
    return dict.get(key).filter(BBytes.class::isInstance).map(BBytes.class::cast);
  }
}
