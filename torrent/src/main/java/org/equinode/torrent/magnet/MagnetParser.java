package org.equinode.torrent.magnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.metainfo.InfoHash;
import org.jspecify.annotations.Nullable;

/** Reads {@code magnet:?key=value&...}; see {@link MagnetLink#parse}. */
final class MagnetParser {
  private static final String SCHEME = "magnet:?";
  private static final String BTIH = "urn:btih:";
  private static final String BTMH = "urn:btmh:";

  /** How much of a bad value an error message shows. */
  private static final int MAX_SHOWN_CHARS = 100;

  private @Nullable InfoHash infoHash;
  private boolean sawV2Hash;
  private @Nullable String displayName;
  private final List<String> trackers = new ArrayList<>();
  private final List<PeerAddress> peers = new ArrayList<>();

  private MagnetParser() {}

  static MagnetLink parse(String uri) {
    if (uri.length() > MagnetLink.MAX_URI_LENGTH) {
      throw new InvalidMagnetException(
          "magnet link of " + uri.length() + " characters, more than " + MagnetLink.MAX_URI_LENGTH);
    }
    String text = uri.strip();
    if (!startsWithIgnoringAsciiCase(text, SCHEME)) {
      throw new InvalidMagnetException("not a magnet link (no 'magnet:?'): '" + show(text) + "'");
    }
    MagnetParser parser = new MagnetParser();
    String[] parameters = text.substring(SCHEME.length()).split("&", MagnetLink.MAX_PARAMETERS + 1);
    if (parameters.length > MagnetLink.MAX_PARAMETERS) {
      throw new InvalidMagnetException(
          "magnet link with more than " + MagnetLink.MAX_PARAMETERS + " parameters");
    }
    for (String parameter : parameters) {
      parser.read(parameter);
    }
    return parser.result();
  }

  private void read(String parameter) {
    if (parameter.isEmpty()) {
      return;
    }
    int equals = parameter.indexOf('=');
    String key = equals < 0 ? parameter : parameter.substring(0, equals);
    if (!key.equals("xt") && !key.equals("dn") && !key.equals("tr") && !key.equals("x.pe")) {
      return; // unknown parameters are ignored, as BEP 9 allows
    }
    if (equals < 0) {
      throw new InvalidMagnetException("'" + key + "' has no value");
    }
    String raw = parameter.substring(equals + 1);
    String value = decode(key, raw);
    switch (key) {
      case "xt" -> exactTopic(value);
      case "dn" -> {
        if (displayName != null) {
          throw new InvalidMagnetException("more than one 'dn'");
        }
        check(() -> MagnetLink.checkDisplayName(value), key, raw);
        displayName = value;
      }
      case "tr" -> {
        check(() -> MagnetLink.checkTracker(value), key, raw);
        if (!trackers.contains(value)) {
          if (trackers.size() == MagnetLink.MAX_TRACKERS) {
            throw new InvalidMagnetException("more than " + MagnetLink.MAX_TRACKERS + " 'tr'");
          }
          trackers.add(value);
        }
      }
      default -> {
        PeerAddress peer = peer(value, raw);
        if (!peers.contains(peer)) {
          if (peers.size() == MagnetLink.MAX_PEERS) {
            throw new InvalidMagnetException("more than " + MagnetLink.MAX_PEERS + " 'x.pe'");
          }
          peers.add(peer);
        }
      }
    }
  }

  private void exactTopic(String value) {
    if (startsWithIgnoringAsciiCase(value, BTMH)) {
      sawV2Hash = true;
      return;
    }
    if (!startsWithIgnoringAsciiCase(value, BTIH)) {
      return; // another network's hash (urn:sha1:, urn:ed2k:, ...)
    }
    if (infoHash != null) {
      throw new InvalidMagnetException("more than one 'xt=urn:btih:'");
    }
    try {
      infoHash = InfoHash.parse(value.substring(BTIH.length()));
    } catch (IllegalArgumentException e) {
      throw new InvalidMagnetException(
          "bad info-hash in 'xt' '" + show(value) + "': " + e.getMessage(), e);
    }
  }

  private static PeerAddress peer(String value, String raw) {
    try {
      return PeerAddress.parse(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidMagnetException("bad 'x.pe' '" + show(raw) + "': " + e.getMessage(), e);
    }
  }

  private MagnetLink result() {
    InfoHash hash = infoHash;
    if (hash == null) {
      throw new InvalidMagnetException(
          sawV2Hash
              ? "only a v2 info-hash ('xt=urn:btmh:'); v2-only torrents are not supported yet"
              : "no 'xt=urn:btih:' (the info-hash)");
    }
    try {
      return new MagnetLink(hash, Optional.ofNullable(displayName), trackers, peers);
    } catch (IllegalArgumentException e) {
      throw new InvalidMagnetException("bad magnet link: " + e.getMessage(), e);
    }
  }

  /** Runs {@code check}; a failure names the parameter and its value as written. */
  private static void check(Runnable check, String key, String raw) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      throw new InvalidMagnetException(
          "bad '" + key + "' value '" + show(raw) + "': " + e.getMessage(), e);
    }
  }

  private static String decode(String key, String value) {
    try {
      return PercentEncoding.decode(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidMagnetException(
          "bad '" + key + "' value '" + show(value) + "': " + e.getMessage(), e);
    }
  }

  private static boolean startsWithIgnoringAsciiCase(String text, String lowerPrefix) {
    if (text.length() < lowerPrefix.length()) {
      return false;
    }
    for (int i = 0; i < lowerPrefix.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c) != lowerPrefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A value for an error message: cut short, control characters as {@code ?}. */
  private static String show(String value) {
    String cut =
        value.length() <= MAX_SHOWN_CHARS ? value : value.substring(0, MAX_SHOWN_CHARS) + "...";
    StringBuilder out = new StringBuilder(cut.length());
    cut.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
    return out.toString();
  }
}
