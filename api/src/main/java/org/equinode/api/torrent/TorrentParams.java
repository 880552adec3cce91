package org.equinode.api.torrent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.equinode.api.RpcErrorCode;
import org.equinode.api.RpcException;
import org.equinode.api.RpcParams;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.magnet.MagnetLink;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.session.FileSelection;
import org.equinode.torrent.session.TorrentSource;
import org.equinode.torrent.swarm.RateLimiter;

/** Reading the torrent methods' parameters, with errors that name the parameter and the fault. */
final class TorrentParams {
  /** The most peers {@code torrent.add} takes. */
  static final int MAX_PEERS = MagnetLink.MAX_PEERS;

  /** The longest text of a parameter quoted back in an error. */
  static final int MAX_QUOTED = 80;

  private TorrentParams() {}

  /** A torrent's info-hash: 40 hex digits. */
  static InfoHash infoHash(RpcParams params, int index, String name) {
    String text = params.requiredString(index, name);
    if (text.length() != 2 * InfoHash.LENGTH) {
      throw RpcException.invalidParameter(
          name + " must be 40 hex digits, got " + text.length() + " characters: " + quote(text));
    }
    try {
      return InfoHash.parse(text);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParameter(
          "bad " + name + " " + quote(text) + ": " + e.getMessage());
    }
  }

  /** The torrent of {@code torrent.add}: a magnet link, a path, or {@code .torrent} bytes. */
  static TorrentSource source(Optional<String> torrent, Optional<String> metainfo) {
    if (torrent.isPresent() == metainfo.isPresent()) {
      throw RpcException.invalidParams(
          "give exactly one of 'torrent' (a magnet link or a .torrent path) and 'metainfo' (a"
              + " .torrent in base64)");
    }
    if (metainfo.isPresent()) {
      return metainfo(metainfo.get());
    }
    String text = torrent.get().strip();
    if (MagnetLink.isMagnetUri(text)) {
      try {
        return TorrentSource.of(MagnetLink.parse(text));
      } catch (TorrentException e) {
        throw RpcException.invalidParameter("bad magnet link: " + e.getMessage());
      }
    }
    return file(text);
  }

  private static TorrentSource metainfo(String base64) {
    if (base64.length() > (Metainfo.MAX_TORRENT_BYTES / 3 + 1) * 4) {
      throw RpcException.invalidParameter("metainfo is larger than any .torrent file");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParameter("metainfo is not base64: " + e.getMessage());
    }
    return parsed(bytes, "metainfo");
  }

  private static TorrentSource file(String text) {
    Path path = path(text, "torrent");
    try {
      if (Files.size(path) > Metainfo.MAX_TORRENT_BYTES) {
        throw RpcException.invalidParameter(path + " is larger than any .torrent file");
      }
      return parsed(Files.readAllBytes(path), path.toString());
    } catch (NoSuchFileException e) {
      throw RpcException.invalidParameter(
          "torrent " + quote(text) + " is neither a magnet link nor a file on the node's machine");
    } catch (IOException e) {
      throw RpcException.invalidParameter("cannot read " + path + ": " + e.getMessage());
    }
  }

  private static TorrentSource parsed(byte[] bytes, String where) {
    try {
      return TorrentSource.of(Metainfo.parse(bytes));
    } catch (TorrentException e) {
      throw new RpcException(
          RpcErrorCode.DESERIALIZATION_ERROR, "bad .torrent in " + where + ": " + e.getMessage());
    }
  }

  /** An absolute path on the node's machine. */
  static Path path(String text, String name) {
    Path path;
    try {
      path = Path.of(text);
    } catch (InvalidPathException e) {
      throw RpcException.invalidParameter(name + " " + quote(text) + " is not a path");
    }
    if (!path.isAbsolute()) {
      throw RpcException.invalidParameter(
          name + " " + quote(text) + " must be an absolute path on the node's machine");
    }
    return path.normalize();
  }

  /** A rate in bytes per second: absent or 0 for none. */
  static OptionalLong rate(RpcParams params, int index, String name) {
    Optional<Long> given = params.optionalLong(index, name);
    if (given.isEmpty() || given.get() == 0) {
      return OptionalLong.empty();
    }
    long rate = given.get();
    if (rate < 0 || rate > RateLimiter.MAX_RATE) {
      throw RpcException.invalidParameter(
          name + " " + rate + " is outside 0.." + RateLimiter.MAX_RATE + " bytes per second");
    }
    return OptionalLong.of(rate);
  }

  /** File indexes, 0 first; absent or empty for every file. */
  static FileSelection files(RpcParams params, int index, String name) {
    Optional<JsonNode> given = params.optional(index, name);
    if (given.isEmpty()) {
      return FileSelection.ALL;
    }
    JsonNode list = given.get();
    if (!list.isArray() || list.size() > InfoDict.MAX_FILES) {
      throw RpcException.invalidParams(name + " must be an array of file indexes");
    }
    List<Integer> indexes = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.canConvertToInt() || !item.isIntegralNumber() || item.intValue() < 0) {
        throw RpcException.invalidParameter(
            name + " holds " + quote(item.toString()) + ", not a file index (0 or more)");
      }
      indexes.add(item.intValue());
    }
    return FileSelection.of(indexes);
  }

  /** Peers as {@code HOST:PORT} with an IP address (nothing is resolved). */
  static List<InetSocketAddress> peers(RpcParams params, int index, String name) {
    Optional<JsonNode> given = params.optional(index, name);
    if (given.isEmpty()) {
      return List.of();
    }
    JsonNode list = given.get();
    if (!list.isArray()) {
      throw RpcException.invalidParams(name + " must be an array of \"HOST:PORT\" strings");
    }
    if (list.size() > MAX_PEERS) {
      throw RpcException.invalidParameter(
          list.size() + " peers given, at most " + MAX_PEERS + " are taken");
    }
    List<InetSocketAddress> peers = new ArrayList<>();
    for (JsonNode item : list) {
      String text = item.isTextual() ? item.textValue() : item.toString();
      PeerAddress address;
      try {
        address = PeerAddress.parse(text);
      } catch (TorrentException | IllegalArgumentException e) {
        throw RpcException.invalidParameter(
            "peer " + quote(text) + " is not HOST:PORT: " + e.getMessage());
      }
      if (!(address.host() instanceof PeerHost.Ip ip)) {
        throw RpcException.invalidParameter(
            "peer " + quote(text) + " must name an IP address (names are not resolved)");
      }
      peers.add(new InetSocketAddress(ip.address(), address.port()));
    }
    return peers;
  }

  static String quote(String text) {
    String shown = text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
    return "'" + shown + "'";
  }
}
