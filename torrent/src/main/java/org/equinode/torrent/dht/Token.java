package org.equinode.torrent.dht;

import org.equinode.torrent.bencode.BBytes;

/**
 * The write token of a {@code get_peers} reply, which the querier must show in its {@code
 * announce_peer} (BEP 5). Ours are {@link TokenSecrets#TOKEN_LENGTH} bytes; others' are kept opaque
 * up to {@link #MAX_LENGTH}.
 */
public record Token(BBytes value) {
  /** The longest token accepted. */
  public static final int MAX_LENGTH = 64;

  public Token {
    if (value.length() < 1 || value.length() > MAX_LENGTH) {
      throw new KrpcException("a token is 1.." + MAX_LENGTH + " bytes, got " + value.length());
    }
  }
}
