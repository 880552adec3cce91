package org.equinode.common;

/** The input ended before the encoding did: a stream decoder may wait for more bytes. */
public final class TruncatedException extends DecodeException {
  private static final long serialVersionUID = 1L;

  public TruncatedException(String message) {
    super(message);
  }
}
