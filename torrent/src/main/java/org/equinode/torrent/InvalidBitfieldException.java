package org.equinode.torrent;

/**
 * A bitfield (BEP 3) that does not fit its piece count: the wrong number of bytes, or a spare bit
 * set after the last piece. The peer wire turns it into a disconnect, the resume data into a
 * refused file.
 */
public final class InvalidBitfieldException extends TorrentException {
  private static final long serialVersionUID = 1L;

  private final String message;

  public InvalidBitfieldException(String message) {
    super(message);
    this.message = message;
  }

  /** What was wrong, never null: callers pass it on as their own error's message. */
  @Override
  public String getMessage() {
    return message;
  }
}
