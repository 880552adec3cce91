package org.equinode.torrent.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.metainfo.Metainfo;
import org.equinode.torrent.storage.TorrentStorage;

/**
 * Where a torrent's session state lives between runs: {@code <root>/torrents/<info-hash>/}, with
 * the resume data of {@link TorrentStorage} and the metadata (so that a magnet download resumes
 * without asking peers for it again).
 */
public record StateFolder(Path path, InfoHash infoHash) {
  /** The name of the file holding the info dictionary's bytes. */
  public static final String METADATA_FILE = "metadata";

  /** The state folder of {@code infoHash} under a data directory's {@code root}. */
  public static StateFolder under(Path root, InfoHash infoHash) {
    return new StateFolder(root.resolve("torrents").resolve(infoHash.hex()), infoHash);
  }

  /** The resume file of the storage. */
  public Path resumeFile() {
    return TorrentStorage.resumeFileIn(path, infoHash);
  }

  /** Creates the folder (owner-only) if needed. */
  public void create() {
    try {
      OwnerOnlyFiles.createFolder(path);
    } catch (UncheckedIOException e) {
      throw new SessionException("cannot create the state folder " + path + ": " + e, e);
    }
  }

  /** Saves the metadata, replacing what was there. */
  public void saveMetadata(InfoDict info) {
    if (!info.hash().equals(infoHash)) {
      throw new IllegalArgumentException(
          "metadata of " + info.hash() + " in the folder of " + infoHash);
    }
    create();
    try {
      OwnerOnlyFiles.writeAtomically(path.resolve(METADATA_FILE), info.bytes());
    } catch (UncheckedIOException e) {
      throw new SessionException("cannot save the metadata in " + path + ": " + e, e);
    }
  }

  /**
   * The metadata saved by an earlier session, if it is there and is this torrent's; a damaged file
   * is ignored (the metadata is fetched again).
   */
  public Optional<InfoDict> loadMetadata() {
    Path file = path.resolve(METADATA_FILE);
    try {
      if (Files.size(file) > Metainfo.MAX_TORRENT_BYTES) {
        return Optional.empty();
      }
      InfoDict info = InfoDict.parse(Files.readAllBytes(file));
      return info.hash().equals(infoHash) ? Optional.of(info) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | TorrentException e) {
      return Optional.empty();
    }
  }
}
