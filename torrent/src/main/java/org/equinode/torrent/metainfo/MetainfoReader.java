package org.equinode.torrent.metainfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BInteger;
import org.equinode.torrent.bencode.BList;
import org.equinode.torrent.bencode.BValue;
import org.equinode.torrent.bencode.Bencode;
import org.equinode.torrent.bencode.ByteSpan;
import org.equinode.torrent.bencode.KeyOrder;
import org.equinode.torrent.bencode.TopLevelDict;

/**
 * Reads a {@code .torrent} file. Strict about the info dictionary (see {@link InfoDictReader});
 * tolerant about the advisory fields around it, which any tool may fill with junk and which no hash
 * covers: a field of the wrong type or with an unusable value is left out, and lists beyond their
 * limit are cut.
 */
final class MetainfoReader {
  /** The latest creation date kept: the end of year 9999. */
  private static final long MAX_CREATION_DATE = 253_402_300_799L;

  private MetainfoReader() {}

  static Metainfo read(byte[] file) {
    if (file.length > Metainfo.MAX_TORRENT_BYTES) {
      throw new InvalidMetainfoException(
          "the torrent file is " + file.length + " bytes, more than " + Metainfo.MAX_TORRENT_BYTES);
    }
    TopLevelDict top = Bencode.decodeDict(file, KeyOrder.ANY_AT_TOP_LEVEL);
    BDict dict = top.dict();
    ByteSpan span =
        top.span("info")
            .orElseThrow(() -> new InvalidMetainfoException("the torrent has no 'info'"));
    if (!(dict.get("info").orElseThrow() instanceof BDict infoDict)) {
      throw new InvalidMetainfoException("'info' is not a dictionary");
    }
    InfoDict info = InfoDictReader.read(infoDict, span.copyOf(file));
    return new Metainfo(
        info,
        trackerTiers(dict),
        webSeeds(dict),
        text(dict.get("comment")),
        text(dict.get("created by")),
        creationDate(dict.get("creation date")));
  }

  /** {@code announce-list} if it names any usable tracker, else {@code announce}. */
  private static List<List<String>> trackerTiers(BDict dict) {
    List<List<String>> tiers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (dict.get("announce-list").orElse(null) instanceof BList list) {
      for (BValue tierValue : list.values()) {
        if (!(tierValue instanceof BList tier)) {
          continue;
        }
        List<String> kept = new ArrayList<>();
        for (BValue urlValue : tier.values()) {
          Optional<String> url = url(urlValue);
          if (url.isPresent() && seen.size() < Metainfo.MAX_TRACKERS && seen.add(url.get())) {
            kept.add(url.get());
          }
        }
        if (!kept.isEmpty()) {
          tiers.add(kept);
        }
      }
    }
    if (tiers.isEmpty()) {
      url(dict.get("announce").orElse(BList.of())).ifPresent(url -> tiers.add(List.of(url)));
    }
    return tiers;
  }

  /** {@code url-list}: one URL or a list of them. */
  private static List<String> webSeeds(BDict dict) {
    Optional<BValue> value = dict.get("url-list");
    List<BValue> candidates =
        value.orElse(null) instanceof BList list ? list.values() : value.stream().toList();
    List<String> seeds = new ArrayList<>();
    for (BValue candidate : candidates) {
      Optional<String> url = url(candidate);
      if (url.isPresent() && seeds.size() < Metainfo.MAX_WEB_SEEDS && !seeds.contains(url.get())) {
        seeds.add(url.get());
      }
    }
    return seeds;
  }

  private static Optional<String> url(BValue value) {
    return text(Optional.of(value)).map(String::strip).filter(Metainfo::isUsableUrl);
  }

  private static Optional<String> text(Optional<BValue> value) {
    return value.orElse(null) instanceof BBytes bytes ? bytes.utf8() : Optional.empty();
  }

  private static Optional<Instant> creationDate(Optional<BValue> value) {
    if (value.orElse(null) instanceof BInteger seconds
        && seconds.value() >= 0
        && seconds.value() <= MAX_CREATION_DATE) {
      return Optional.of(Instant.ofEpochSecond(seconds.value()));
    }
    return Optional.empty();
  }
}
