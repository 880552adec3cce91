package org.equinode.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.session.StateFolder;

/**
 * Where {@code get} and {@code share} keep a torrent's resume data and metadata: {@code
 * <datadir>/cli-torrents/<info-hash>/}. Not the node's {@code <datadir>/torrents/}: a node running
 * on the same data directory owns that folder (it deletes a torrent's state folder when the torrent
 * is removed, and writes the resume data of the same torrent in its own save folder), so sharing it
 * let one overwrite or delete the other's record of what is verified.
 */
final class CommandStateFolder {
  /** The folder of the commands' torrent state inside the data directory. */
  static final String FOLDER = "cli-torrents";

  /** The node's record in a state folder: such a folder is the node's, never moved. */
  private static final String NODE_RECORD = "torrent.json";

  private CommandStateFolder() {}

  /**
   * The state folder of {@code infoHash} under the data directory {@code root}. State that an
   * earlier version left in the node's folder (no node record there) is moved here first, so an
   * interrupted download still resumes.
   */
  static StateFolder of(Path root, InfoHash infoHash) {
    StateFolder ours = new StateFolder(root.resolve(FOLDER).resolve(infoHash.hex()), infoHash);
    StateFolder old = StateFolder.under(root, infoHash);
    if (!Files.exists(ours.path())
        && Files.isDirectory(old.path())
        && !Files.exists(old.path().resolve(NODE_RECORD))) {
      try {
        Files.createDirectories(root.resolve(FOLDER));
        Files.move(old.path(), ours.path(), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Left where it is: the files are checked again instead, nothing is lost.
      }
    }
    return ours;
  }
}
