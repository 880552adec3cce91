package org.equinode.torrent.dht;

import java.util.Optional;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BInteger;
import org.equinode.torrent.bencode.BList;
import org.equinode.torrent.bencode.BValue;

/**
 * Typed reads of KRPC dictionary keys; a missing key or a wrong type is a {@link KrpcException}.
 */
final class Fields {
  private Fields() {}

  static BBytes bytes(BDict dict, String key, String where) {
    return optionalBytes(dict, key, where)
        .orElseThrow(() -> new KrpcException("no '" + key + "' in " + where));
  }

  static Optional<BBytes> optionalBytes(BDict dict, String key, String where) {
    Optional<BValue> value = dict.get(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!(value.get() instanceof BBytes bytes)) {
      throw new KrpcException("'" + key + "' in " + where + " is not a string");
    }
    return Optional.of(bytes);
  }

  static BDict dict(BDict dict, String key, String where) {
    BValue value =
        dict.get(key).orElseThrow(() -> new KrpcException("no '" + key + "' in " + where));
    if (!(value instanceof BDict inner)) {
      throw new KrpcException("'" + key + "' in " + where + " is not a dictionary");
    }
    return inner;
  }

  static Optional<Long> optionalInteger(BDict dict, String key, String where) {
    Optional<BValue> value = dict.get(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!(value.get() instanceof BInteger integer)) {
      throw new KrpcException("'" + key + "' in " + where + " is not an integer");
    }
    return Optional.of(integer.value());
  }

  static Optional<BList> optionalList(BDict dict, String key, String where) {
    Optional<BValue> value = dict.get(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!(value.get() instanceof BList list)) {
      throw new KrpcException("'" + key + "' in " + where + " is not a list");
    }
    return Optional.of(list);
  }

  /** The 20-byte id under {@code key}. */
  static NodeId id(BDict dict, String key, String where) {
    BBytes bytes = bytes(dict, key, where);
    if (bytes.length() != NodeId.LENGTH) {
      throw new KrpcException(
          "'" + key + "' in " + where + " is " + bytes.length() + " bytes, not 20");
    }
    return NodeId.of(bytes.bytes());
  }
}
