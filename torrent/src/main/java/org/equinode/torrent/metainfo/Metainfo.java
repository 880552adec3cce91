package org.equinode.torrent.metainfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BList;
import org.equinode.torrent.bencode.BValue;
import org.equinode.torrent.bencode.Bencode;

/**
 * A {@code .torrent} file (BEP 3): the validated {@link InfoDict} and what surrounds it, trackers
 * in tiers (BEP 12), web seeds (BEP 19 {@code url-list}), comment, creator and creation date. Only
 * the info dictionary is hashed; the rest is advice.
 *
 * <p>Tracker tiers are normalised: blank tiers dropped, a URL that appeared in an earlier tier
 * dropped; so are repeated web seeds. URLs are trimmed, non-empty, without control characters, at
 * most {@link #MAX_URL_LENGTH} characters.
 */
public record Metainfo(
    InfoDict info,
    List<List<String>> trackerTiers,
    List<String> webSeeds,
    Optional<String> comment,
    Optional<String> createdBy,
    Optional<Instant> creationDate) {
  /** The largest {@code .torrent} file parsed, checked before decoding. */
  public static final int MAX_TORRENT_BYTES = 64 * 1024 * 1024;

  /** The most tracker URLs kept, over all tiers. */
  public static final int MAX_TRACKERS = 200;

  /** The most web seeds kept. */
  public static final int MAX_WEB_SEEDS = 50;

  /** The longest tracker or web-seed URL kept, in characters. */
  public static final int MAX_URL_LENGTH = 2048;

  public Metainfo {
    trackerTiers = normaliseTiers(trackerTiers);
    webSeeds = webSeeds.stream().distinct().toList();
    if (webSeeds.size() > MAX_WEB_SEEDS) {
      throw new IllegalArgumentException(
          webSeeds.size() + " web seeds, more than " + MAX_WEB_SEEDS);
    }
    webSeeds.forEach(Metainfo::checkUrl);
  }

  /** A torrent of {@code info} with nothing around it (trackerless: DHT and magnet links only). */
  public static Metainfo of(InfoDict info) {
    return new Metainfo(
        info, List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Parses a {@code .torrent} file. The info dictionary must be canonical bencoding and pass every
   * rule of {@link InfoDict#parse}; the outer dictionary's keys may come in any order, and its
   * optional fields are dropped when they have the wrong type or an unusable value.
   *
   * @throws org.equinode.torrent.bencode.BencodeException if the bytes are not bencoding as
   *     described
   * @throws InvalidMetainfoException if a metainfo rule is broken
   */
  public static Metainfo parse(byte[] torrentFile) {
    return MetainfoReader.read(torrentFile);
  }

  /** The info-hash. */
  public InfoHash infoHash() {
    return info.hash();
  }

  /** Every tracker URL, tier by tier. */
  public List<String> trackers() {
    List<String> all = new ArrayList<>();
    trackerTiers.forEach(all::addAll);
    return List.copyOf(all);
  }

  /**
   * The {@code .torrent} file: canonical bencoding, {@code announce} set to the first tracker and
   * {@code announce-list} written when there is more than one. The info dictionary is written with
   * its original bytes.
   */
  public byte[] encode() {
    BDict.Builder out = BDict.builder().put("info", info.toBDict());
    List<String> trackers = trackers();
    if (!trackers.isEmpty()) {
      out.put("announce", trackers.getFirst());
    }
    if (trackers.size() > 1) {
      List<BValue> tiers = new ArrayList<>();
      for (List<String> tier : trackerTiers) {
        tiers.add(new BList(tier.stream().<BValue>map(BBytes::of).toList()));
      }
      out.put("announce-list", new BList(tiers));
    }
    if (!webSeeds.isEmpty()) {
      out.put("url-list", new BList(webSeeds.stream().<BValue>map(BBytes::of).toList()));
    }
    comment.ifPresent(c -> out.put("comment", c));
    createdBy.ifPresent(c -> out.put("created by", c));
    creationDate.ifPresent(d -> out.put("creation date", d.getEpochSecond()));
    return Bencode.encode(out.build());
  }

  private static List<List<String>> normaliseTiers(List<List<String>> tiers) {
    Set<String> seen = new HashSet<>();
    List<List<String>> out = new ArrayList<>();
    for (List<String> tier : tiers) {
      List<String> kept = new ArrayList<>();
      for (String url : tier) {
        checkUrl(url);
        if (seen.add(url)) {
          kept.add(url);
        }
      }
      if (!kept.isEmpty()) {
        out.add(List.copyOf(kept));
      }
    }
    if (seen.size() > MAX_TRACKERS) {
      throw new IllegalArgumentException(seen.size() + " trackers, more than " + MAX_TRACKERS);
    }
    return List.copyOf(out);
  }

  private static void checkUrl(String url) {
    if (!isUsableUrl(url)) {
      throw new IllegalArgumentException("not a usable URL: '" + url + "'");
    }
  }

  /** Whether {@code url} is non-empty, trimmed, short enough and free of control characters. */
  static boolean isUsableUrl(String url) {
    if (url.isEmpty() || url.length() > MAX_URL_LENGTH || !url.strip().equals(url)) {
      return false;
    }
    return url.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }
}
