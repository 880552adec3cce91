package org.equinode.torrent.tracker;

import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * The query strings of HTTP announces and scrapes. Binary values ({@code info_hash}, {@code
 * peer_id}, {@code trackerid}) are percent-encoded byte by byte: every byte other than an ASCII
 * letter, digit or {@code -._~} becomes {@code %XX}. Parameters are added to any query the URL
 * already has (a passkey, say).
 */
final class TrackerQuery {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private TrackerQuery() {}

  /** The announce URI for {@code request}, asking for compact peers. */
  static URI announce(TrackerUrl url, AnnounceRequest request) {
    StringBuilder query = new StringBuilder();
    add(query, "info_hash", encode(request.infoHash().toByteArray()));
    add(query, "peer_id", encode(request.peerId().toByteArray()));
    add(query, "port", Integer.toString(request.port()));
    add(query, "uploaded", Long.toString(request.uploaded()));
    add(query, "downloaded", Long.toString(request.downloaded()));
    add(query, "left", Long.toString(request.left()));
    add(query, "compact", "1");
    request.event().httpName().ifPresent(name -> add(query, "event", name));
    add(query, "numwant", Integer.toString(request.numWant()));
    add(query, "key", HexFormat.of().toHexDigits(request.key()));
    request.trackerId().ifPresent(id -> add(query, "trackerid", encode(id.toByteArray())));
    return withQuery(url.uri(), query);
  }

  /** The scrape URI for {@code infoHashes} at {@code scrapeUri}. */
  static URI scrape(URI scrapeUri, List<InfoHash> infoHashes) {
    StringBuilder query = new StringBuilder();
    for (InfoHash hash : infoHashes) {
      add(query, "info_hash", encode(hash.toByteArray()));
    }
    return withQuery(scrapeUri, query);
  }

  /** Percent-encodes every byte but the unreserved characters of RFC 3986. */
  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder(3 * bytes.length);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static void add(StringBuilder query, String key, String encodedValue) {
    if (!query.isEmpty()) {
      query.append('&');
    }
    query.append(key).append('=').append(encodedValue);
  }

  private static URI withQuery(URI base, CharSequence query) {
    String raw = base.toString();
    String existing = base.getRawQuery();
    String separator = existing == null ? "?" : existing.isEmpty() ? "" : "&";
    // The URL has no fragment (TrackerUrl refuses one), so the query goes at the end.
    return URI.create(raw + separator + query);
  }
}
