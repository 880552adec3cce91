package org.equinode.torrent.peer;

/**
 * What a {@link PeerConnection} reports. Every call comes from the connection's reader thread, in
 * order: {@code onOpen} once the handshakes are exchanged (if they are), then each message, then
 * {@code onClose} exactly once. A slow listener slows only this peer.
 *
 * <p>A listener may throw a {@link PeerWireException} to disconnect the peer with its reason (for
 * example on a malformed extension message); any other exception closes the connection with {@link
 * CloseReason#INTERNAL_ERROR}.
 */
public interface PeerListener {
  /**
   * The handshakes are done; {@code remote} is the peer's. The time to send the bitfield (or {@code
   * have_all}/{@code have_none}) and the extended handshake, and to set the piece count.
   */
  default void onOpen(PeerConnection connection, Handshake remote) {}

  /** A message arrived. */
  void onMessage(PeerConnection connection, PeerMessage message);

  /**
   * Whether the data of a {@link PeerMessage.Piece} must stay valid after {@link #onMessage}
   * returns. By default it does: the reader never writes again into a buffer a block was taken from
   * and moves on to a new one. A listener that copies what it keeps of a block before returning
   * answers false, and the connection's reader then reuses one buffer (nothing allocated per read).
   * Asked once, when the connection is made.
   */
  default boolean keepsBlocks() {
    return true;
  }

  /** The connection ended; nothing follows. */
  default void onClose(PeerConnection connection, Closed closed) {}
}
