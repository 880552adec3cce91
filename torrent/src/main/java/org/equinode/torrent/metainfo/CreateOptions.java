package org.equinode.torrent.metainfo;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a new torrent carries besides its files. {@link #none()} gives a trackerless, public torrent
 * with an automatic piece length; the {@code with...} methods change one field.
 *
 * @param trackerTiers tracker URLs in tiers (BEP 12); one tier of one URL for a simple torrent
 * @param webSeeds HTTP sources of the same files (BEP 19)
 * @param comment free text
 * @param isPrivate the BEP 27 flag: peers from trackers only
 * @param pieceLength a fixed piece length (a power of two within the creator's bounds), or empty
 *     for the automatic rule of {@link TorrentCreator#autoPieceLength(long)}
 */
public record CreateOptions(
    List<List<String>> trackerTiers,
    List<String> webSeeds,
    Optional<String> comment,
    boolean isPrivate,
    OptionalInt pieceLength) {
  public CreateOptions {
    trackerTiers = trackerTiers.stream().map(List::copyOf).toList();
    webSeeds = List.copyOf(webSeeds);
    if (pieceLength.isPresent()) {
      TorrentCreator.checkPieceLength(pieceLength.getAsInt());
    }
  }

  /** No trackers, web seeds or comment; public; automatic piece length. */
  public static CreateOptions none() {
    return new CreateOptions(List.of(), List.of(), Optional.empty(), false, OptionalInt.empty());
  }

  /** These options with each tracker in a tier of its own, in order. */
  public CreateOptions withTrackers(String... trackers) {
    return withTrackerTiers(List.of(trackers).stream().map(List::of).toList());
  }

  /** These options with the given tracker tiers. */
  public CreateOptions withTrackerTiers(List<List<String>> tiers) {
    return new CreateOptions(tiers, webSeeds, comment, isPrivate, pieceLength);
  }

  /** These options with the given web seeds. */
  public CreateOptions withWebSeeds(String... seeds) {
    return new CreateOptions(trackerTiers, List.of(seeds), comment, isPrivate, pieceLength);
  }

  /** These options with a comment. */
  public CreateOptions withComment(String text) {
    return new CreateOptions(trackerTiers, webSeeds, Optional.of(text), isPrivate, pieceLength);
  }

  /** These options with the private flag set or cleared. */
  public CreateOptions withPrivate(boolean flag) {
    return new CreateOptions(trackerTiers, webSeeds, comment, flag, pieceLength);
  }

  /** These options with a fixed piece length. */
  public CreateOptions withPieceLength(int length) {
    return new CreateOptions(trackerTiers, webSeeds, comment, isPrivate, OptionalInt.of(length));
  }
}
