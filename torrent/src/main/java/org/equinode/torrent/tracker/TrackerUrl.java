package org.equinode.torrent.tracker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The announce URL of a tracker: {@code http://}, {@code https://} or {@code udp://host:port}. Only
 * the syntax is checked here; nothing is resolved.
 */
public record TrackerUrl(URI uri) {
  /** The longest URL accepted, in characters. */
  public static final int MAX_LENGTH = 2048;

  private static final int MAX_PORT = 65_535;
  private static final String ANNOUNCE = "announce";
  private static final String SCRAPE = "scrape";

  /** How a tracker is spoken to. */
  public enum Kind {
    /** BEP 3 over HTTP or HTTPS. */
    HTTP,
    /** BEP 15. */
    UDP
  }

  public TrackerUrl {
    String problem = problemWith(uri);
    if (!problem.isEmpty()) {
      throw new InvalidTrackerUrlException("not a tracker URL '" + shown(uri) + "': " + problem);
    }
  }

  /**
   * Parses an announce URL.
   *
   * @throws InvalidTrackerUrlException naming the problem
   */
  public static TrackerUrl parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new InvalidTrackerUrlException(
          "tracker URL of " + text.length() + " characters, more than " + MAX_LENGTH);
    }
    try {
      return new TrackerUrl(new URI(text));
    } catch (URISyntaxException e) {
      throw new InvalidTrackerUrlException(
          "not a tracker URL '" + TrackerText.of(text) + "': " + e.getReason(), e);
    }
  }

  /** HTTP (for {@code http} and {@code https}) or UDP. */
  public Kind kind() {
    return scheme().equals("udp") ? Kind.UDP : Kind.HTTP;
  }

  /** The host as written (a name or an address literal; IPv6 in brackets). */
  public String host() {
    return Objects.requireNonNull(uri.getHost());
  }

  /** The port, or the scheme's default (80 for http, 443 for https). */
  public int port() {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return scheme().equals("https") ? 443 : 80;
  }

  /**
   * The scrape URL (BEP 48): for an HTTP tracker whose last path segment starts with {@code
   * announce}, that word replaced by {@code scrape}; empty when the tracker cannot be scraped that
   * way. UDP trackers scrape at their own address.
   */
  public Optional<URI> scrapeUri() {
    if (kind() != Kind.HTTP) {
      return Optional.empty();
    }
    String raw = uri.toString();
    String path = Optional.ofNullable(uri.getRawPath()).orElse("");
    int segment = path.lastIndexOf('/') + 1;
    if (!path.startsWith(ANNOUNCE, segment)) {
      return Optional.empty();
    }
    // The raw path starts at the first '/' after the authority, which holds none.
    int pathStart = raw.indexOf('/', raw.indexOf("//") + 2);
    int at = pathStart + segment;
    return Optional.of(
        URI.create(raw.substring(0, at) + SCRAPE + raw.substring(at + ANNOUNCE.length())));
  }

  @Override
  public String toString() {
    return uri.toString();
  }

  private String scheme() {
    return Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
  }

  private static String problemWith(URI uri) {
    String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("udp")) {
      return "the scheme is not http, https or udp";
    }
    if (uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
      return "no host";
    }
    if (uri.getRawFragment() != null) {
      return "it has a fragment";
    }
    if (uri.getRawUserInfo() != null) {
      return "it has user information";
    }
    if (scheme.equals("udp") && uri.getPort() == -1) {
      return "a udp tracker needs a port";
    }
    if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
      return "port " + uri.getPort() + " is outside 1.." + MAX_PORT;
    }
    return "";
  }

  private static String shown(URI uri) {
    return TrackerText.of(uri.toString());
  }
}
