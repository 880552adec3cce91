package org.equinode.torrent.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.storage.StartupReport.Mode;

/**
 * Decides at startup which pieces are complete, from the resume file and the files as they are:
 *
 * <ul>
 *   <li>resume data for this torrent whose file states all match: its pieces, no hashing;
 *   <li>some files changed (size or time), are missing or truncated: the recorded pieces that touch
 *       them are hashed again and those that fail are dropped; the others are kept;
 *   <li>no usable resume data but data on disk: every piece whose bytes are all present is hashed
 *       ("check existing data");
 *   <li>neither: nothing is complete.
 * </ul>
 *
 * Hashing runs on the given pool in tasks of about {@link #BYTES_PER_TASK}; the caller waits.
 */
final class StartupCheck {
  /** About how many bytes one hashing task reads. */
  static final long BYTES_PER_TASK = 64L * 1024 * 1024;

  /** What was found: the complete pieces and how they were established. */
  record Outcome(PieceSet complete, StartupReport report) {}

  private StartupCheck() {}

  static Outcome run(InfoHash infoHash, PieceStore store, Path resumeFile, Executor pool) {
    FileLayout layout = store.layout();
    List<Optional<FileState>> current = new ArrayList<>(layout.fileCount());
    for (int f = 0; f < layout.fileCount(); f++) {
      current.add(store.fileState(f));
    }
    Optional<String> problem = Optional.empty();
    Optional<ResumeData> resume;
    try {
      resume = ResumeData.read(resumeFile);
    } catch (ResumeDataException e) {
      resume = Optional.empty();
      problem = Optional.of("resume file '" + resumeFile + "' is unusable: " + e.getMessage());
    }
    if (resume.isPresent()) {
      Optional<String> mismatch = mismatch(resume.get(), infoHash, layout);
      if (mismatch.isPresent()) {
        problem = mismatch;
        resume = Optional.empty();
      }
    }
    if (resume.isPresent()) {
      return resumed(resume.get(), current, store, pool);
    }
    if (current.stream().noneMatch(s -> s.isPresent() && s.get().size() > 0)) {
      return new Outcome(
          PieceSet.none(layout.pieceCount()),
          new StartupReport(Mode.FRESH, 0, 0, List.of(), problem));
    }
    BitSet candidates = new BitSet(layout.pieceCount());
    candidates.set(0, layout.pieceCount());
    BitSet present = withData(candidates, layout, current);
    BitSet passed = verify(present, store, pool);
    return new Outcome(
        PieceSet.of(layout.pieceCount(), passed),
        new StartupReport(Mode.FULL_CHECK, present.cardinality(), 0, List.of(), problem));
  }

  private static Optional<String> mismatch(
      ResumeData resume, InfoHash infoHash, FileLayout layout) {
    if (!resume.infoHash().equals(infoHash)) {
      return Optional.of("resume data is for another torrent, " + resume.infoHash());
    }
    if (resume.pieces().size() != layout.pieceCount()
        || resume.files().size() != layout.fileCount()) {
      return Optional.of(
          "resume data has "
              + resume.pieces().size()
              + " pieces and "
              + resume.files().size()
              + " files, the torrent "
              + layout.pieceCount()
              + " and "
              + layout.fileCount());
    }
    return Optional.empty();
  }

  private static Outcome resumed(
      ResumeData resume, List<Optional<FileState>> current, PieceStore store, Executor pool) {
    FileLayout layout = store.layout();
    BitSet recorded = resume.pieces().toBitSet();
    List<Integer> changed = new ArrayList<>();
    BitSet suspect = new BitSet(layout.pieceCount());
    for (int f = 0; f < layout.fileCount(); f++) {
      if (!resume.files().get(f).equals(current.get(f))) {
        changed.add(f);
        PieceRange range = layout.piecesOf(f);
        suspect.set(range.start(), range.end());
      }
    }
    suspect.and(recorded);
    if (changed.isEmpty()) {
      return new Outcome(
          resume.pieces(), new StartupReport(Mode.RESUMED, 0, 0, List.of(), Optional.empty()));
    }
    BitSet present = withData(suspect, layout, current);
    BitSet passed = verify(present, store, pool);
    BitSet complete = (BitSet) recorded.clone();
    complete.andNot(suspect);
    complete.or(passed);
    return new Outcome(
        PieceSet.of(layout.pieceCount(), complete),
        new StartupReport(
            Mode.RECHECKED,
            present.cardinality(),
            suspect.cardinality() - passed.cardinality(),
            changed,
            Optional.empty()));
  }

  /** The pieces of {@code candidates} whose every byte lies in a file long enough to hold it. */
  private static BitSet withData(
      BitSet candidates, FileLayout layout, List<Optional<FileState>> current) {
    BitSet out = new BitSet(layout.pieceCount());
    for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
      boolean whole = true;
      for (Span span : layout.pieceSpans(p)) {
        Optional<FileState> state = current.get(span.file());
        if (state.isEmpty() || state.get().size() < span.fileEnd()) {
          whole = false;
          break;
        }
      }
      if (whole) {
        out.set(p);
      }
    }
    return out;
  }

  /** Hashes {@code pieces} on the pool; the ones that pass. */
  private static BitSet verify(BitSet pieces, PieceStore store, Executor pool) {
    FileLayout layout = store.layout();
    int perTask = (int) Math.max(1, BYTES_PER_TASK / layout.pieceLength());
    List<CompletableFuture<BitSet>> tasks = new ArrayList<>();
    int[] all = pieces.stream().toArray();
    for (int from = 0; from < all.length; from += perTask) {
      int start = from;
      int end = Math.min(all.length, from + perTask);
      tasks.add(
          CompletableFuture.supplyAsync(
              () -> {
                BitSet passed = new BitSet();
                for (int i = start; i < end; i++) {
                  if (store.verifyPiece(all[i])) {
                    passed.set(all[i]);
                  }
                }
                return passed;
              },
              pool));
    }
    BitSet passed = new BitSet(layout.pieceCount());
    RuntimeException failure = null;
    for (CompletableFuture<BitSet> task : tasks) {
      try {
        passed.or(task.join()); // Waits for every task, so none still reads after a failure.
      } catch (CompletionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException cause ? cause : e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return passed;
  }
}
