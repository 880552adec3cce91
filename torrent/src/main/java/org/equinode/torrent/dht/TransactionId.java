package org.equinode.torrent.dht;

import org.equinode.torrent.bencode.BBytes;

/**
 * The {@code t} of a KRPC message: chosen by the querying node, echoed by the reply. We send 2
 * bytes; others' are accepted from 1 to {@link #MAX_LENGTH} bytes.
 */
public record TransactionId(BBytes value) {
  /** The longest transaction id accepted (libtorrent sends 2 bytes, some clients 4 or 8). */
  public static final int MAX_LENGTH = 16;

  public TransactionId {
    if (value.length() < 1 || value.length() > MAX_LENGTH) {
      throw new KrpcException(
          "a transaction id is 1.." + MAX_LENGTH + " bytes, got " + value.length());
    }
  }

  /** The 2-byte id of our query number {@code n} (wrapping at 65536). */
  public static TransactionId ofNumber(int n) {
    return new TransactionId(BBytes.of(new byte[] {(byte) (n >>> 8), (byte) n}));
  }
}
