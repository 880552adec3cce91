package org.equinode.torrent.magnet;

import java.util.List;
import java.util.Optional;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.metainfo.Metainfo;

/**
 * A magnet link for a BitTorrent v1 torrent (BEP 9): the info-hash ({@code xt=urn:btih:}), an
 * optional display name ({@code dn}), trackers ({@code tr}) and peers to try ({@code x.pe}).
 * Trackers and peers are kept in order without repeats, within {@link #MAX_TRACKERS} and {@link
 * #MAX_PEERS}.
 */
public record MagnetLink(
    InfoHash infoHash,
    Optional<String> displayName,
    List<String> trackers,
    List<PeerAddress> peers) {
  /** The longest magnet link parsed, in characters, checked before anything else. */
  public static final int MAX_URI_LENGTH = 65_536;

  /** The most {@code &}-separated parameters read. */
  public static final int MAX_PARAMETERS = 512;

  /** The most trackers. */
  public static final int MAX_TRACKERS = 100;

  /** The most peer addresses. */
  public static final int MAX_PEERS = 100;

  /** The longest tracker URL, in characters after decoding. */
  public static final int MAX_TRACKER_LENGTH = 2048;

  /** The longest display name, in characters after decoding. */
  public static final int MAX_DISPLAY_NAME_LENGTH = 2048;

  public MagnetLink {
    displayName = displayName.filter(name -> !name.isEmpty());
    displayName.ifPresent(MagnetLink::checkDisplayName);
    trackers = trackers.stream().distinct().toList();
    peers = peers.stream().distinct().toList();
    if (trackers.size() > MAX_TRACKERS) {
      throw new IllegalArgumentException(trackers.size() + " trackers, more than " + MAX_TRACKERS);
    }
    if (peers.size() > MAX_PEERS) {
      throw new IllegalArgumentException(peers.size() + " peers, more than " + MAX_PEERS);
    }
    trackers.forEach(MagnetLink::checkTracker);
  }

  /** A link with the info-hash only. */
  public static MagnetLink of(InfoHash infoHash) {
    return new MagnetLink(infoHash, Optional.empty(), List.of(), List.of());
  }

  /**
   * A link to {@code metainfo}: its info-hash, its name, and its first {@link #MAX_TRACKERS}
   * trackers.
   */
  public static MagnetLink of(Metainfo metainfo) {
    List<String> trackers = metainfo.trackers();
    return new MagnetLink(
        metainfo.infoHash(),
        Optional.of(metainfo.info().name()),
        trackers.subList(0, Math.min(trackers.size(), MAX_TRACKERS)),
        List.of());
  }

  /**
   * True when {@code text} is written as a magnet link (it starts with {@code magnet:} in any case,
   * surrounding whitespace aside): how a command or an API tells a link from a file name before
   * parsing either.
   */
  public static boolean isMagnetUri(String text) {
    return text.strip().regionMatches(true, 0, "magnet:", 0, "magnet:".length());
  }

  /**
   * Parses a magnet link. Surrounding whitespace is ignored, unknown parameters too; exactly one
   * {@code xt=urn:btih:} is required (other {@code xt} kinds are ignored), at most one {@code dn}.
   *
   * @throws InvalidMagnetException naming the problem
   */
  public static MagnetLink parse(String uri) {
    return MagnetParser.parse(uri);
  }

  /**
   * The link as text: {@code magnet:?xt=urn:btih:<hex>}, then {@code dn}, each {@code tr}, each
   * {@code x.pe}, values percent-encoded.
   */
  public String toUri() {
    StringBuilder out = new StringBuilder("magnet:?xt=").append(infoHash.toUrn());
    displayName.ifPresent(name -> out.append("&dn=").append(PercentEncoding.encode(name, "")));
    for (String tracker : trackers) {
      out.append("&tr=").append(PercentEncoding.encode(tracker, ""));
    }
    for (PeerAddress peer : peers) {
      out.append("&x.pe=").append(PercentEncoding.encode(peer.toString(), ":[]"));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return toUri();
  }

  static void checkDisplayName(String name) {
    if (name.length() > MAX_DISPLAY_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "display name of " + name.length() + " characters, more than " + MAX_DISPLAY_NAME_LENGTH);
    }
    if (hasControlCharacter(name)) {
      throw new IllegalArgumentException("display name with a control character");
    }
  }

  static void checkTracker(String url) {
    if (url.isEmpty() || url.length() > MAX_TRACKER_LENGTH) {
      throw new IllegalArgumentException(
          "tracker URL of " + url.length() + " characters is outside 1.." + MAX_TRACKER_LENGTH);
    }
    if (hasControlCharacter(url) || url.indexOf(' ') >= 0) {
      throw new IllegalArgumentException("tracker URL with a space or control character");
    }
  }

  static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }
}
