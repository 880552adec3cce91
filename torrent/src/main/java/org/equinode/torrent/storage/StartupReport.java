package org.equinode.torrent.storage;

import java.util.List;
import java.util.Optional;

/**
 * What opening a torrent's storage found and did.
 *
 * @param mode how the completed pieces were established
 * @param checkedPieces the pieces hashed (those whose data was present)
 * @param droppedPieces the pieces the resume data recorded that failed their recheck
 * @param changedFiles the files whose size or time differed from the resume data (empty when there
 *     was none)
 * @param resumeProblem why the resume file was not used, if it existed and was not
 */
public record StartupReport(
    Mode mode,
    int checkedPieces,
    int droppedPieces,
    List<Integer> changedFiles,
    Optional<String> resumeProblem) {
  /** How the completed pieces were established. */
  public enum Mode {
    /** No usable resume data and no data on disk: nothing to check. */
    FRESH,
    /** The resume data matched every file: its pieces were trusted without hashing. */
    RESUMED,
    /** The resume data was used, but the recorded pieces touching changed files were rehashed. */
    RECHECKED,
    /** No usable resume data but data on disk: every piece with data was hashed. */
    FULL_CHECK
  }

  public StartupReport {
    changedFiles = List.copyOf(changedFiles);
  }
}
