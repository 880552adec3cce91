package org.equinode.torrent.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.equinode.common.TimeSource;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.storage.DiskPieceStore;
import org.equinode.torrent.storage.FilePriority;
import org.equinode.torrent.storage.StorageOptions;
import org.equinode.torrent.storage.TorrentStorage;

/**
 * Opens a torrent's storage once its metadata is known: at once for a {@code .torrent}, after the
 * metadata exchange for a magnet link. Called from a thread that may block (never the disk pool).
 */
@FunctionalInterface
public interface StorageOpener {
  /**
   * The storage of {@code info}, its completed pieces established.
   *
   * @throws org.equinode.torrent.storage.StorageException if the files cannot be used
   */
  TorrentStorage open(InfoDict info);

  /**
   * Files under {@code downloads} (which must not contain the state folder: a torrent's paths could
   * otherwise reach it), state in {@code state}, where the metadata is saved too.
   */
  static StorageOpener onDisk(
      Path downloads, StateFolder state, StorageOptions options, Executor pool, TimeSource time) {
    return onDisk(downloads, state, FileSelection.ALL, options, pool, time);
  }

  /**
   * As {@link #onDisk(Path, StateFolder, StorageOptions, Executor, TimeSource)}, downloading only
   * the {@code selected} files (the others are created only where a wanted piece reaches into
   * them).
   *
   * @throws SessionException at opening if the selection names a file the torrent does not have
   */
  static StorageOpener onDisk(
      Path downloads,
      StateFolder state,
      FileSelection selected,
      StorageOptions options,
      Executor pool,
      TimeSource time) {
    return info -> {
      List<FilePriority> priorities = selected.priorities(info.files().size());
      state.saveMetadata(info);
      return TorrentStorage.openOnDisk(
          info, downloads, state.path(), priorities, options, pool, time);
    };
  }

  /**
   * Files we share from where they are: {@code folder} holds the torrent's file or top folder,
   * exactly as it was made from them. The state folder may lie inside it (a home folder holding the
   * data directory): the torrent's paths are the user's own files, not a stranger's.
   */
  static StorageOpener sharing(
      Path folder, StateFolder state, StorageOptions options, Executor pool, TimeSource time) {
    return info -> {
      state.create();
      DiskPieceStore store = DiskPieceStore.open(info, folder, options);
      try {
        return TorrentStorage.open(
            info.hash(),
            store,
            state.resumeFile(),
            FilePriority.allNormal(info.files().size()),
            options,
            pool,
            time);
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    };
  }
}
