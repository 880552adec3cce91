package org.equinode.torrent.peer;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The byte streams a {@link PeerConnection} runs over: a plain TCP socket ({@link SocketTransport})
 * today, an encrypted stream (MSE) later. Closing it must make a blocked read or write on either
 * stream fail promptly.
 */
public interface PeerTransport {
  /** The stream from the peer; always the same instance. */
  InputStream input();

  /** The stream to the peer; always the same instance. */
  OutputStream output();

  /** Closes both streams; never throws, may be called more than once, from any thread. */
  void close();

  /** The peer's address or another short name for logs. */
  String description();
}
