package org.equinode.torrent.bencode;

import org.equinode.torrent.TorrentException;

/** Bytes that are not canonical bencoding; {@link #offset()} says where the decoder stopped. */
public final class BencodeException extends TorrentException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  public BencodeException(String problem, int offset) {
    super(problem + " at offset " + offset);
    this.offset = offset;
  }

  /** The index of the input byte at which the problem was found. */
  public int offset() {
    return offset;
  }
}
