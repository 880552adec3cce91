package org.equinode.torrent.storage;

import org.equinode.torrent.TorrentException;

/** A resume file that is not the canonical encoding of resume data; the message says why. */
public final class ResumeDataException extends TorrentException {
  private static final long serialVersionUID = 1L;

  public ResumeDataException(String message) {
    super(message);
  }

  public ResumeDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
