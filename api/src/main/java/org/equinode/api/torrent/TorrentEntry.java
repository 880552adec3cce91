package org.equinode.api.torrent;

import java.nio.file.Path;
import java.util.Optional;
import org.equinode.torrent.session.FileSelection;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.TorrentStatus;
import org.equinode.torrent.storage.Progress;

/**
 * A snapshot of one torrent of the node.
 *
 * @param saveDir the folder its files are in
 * @param files the files chosen when it was added
 * @param sequential whether pieces come in order
 * @param limits its own rate limits
 * @param status the session's status
 * @param progress per-file progress, once the metadata is known
 */
public record TorrentEntry(
    Path saveDir,
    FileSelection files,
    boolean sequential,
    RateLimits limits,
    TorrentStatus status,
    Optional<Progress> progress) {}
