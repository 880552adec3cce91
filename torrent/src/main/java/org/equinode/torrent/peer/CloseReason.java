package org.equinode.torrent.peer;

/** Why a peer connection ended. The first reason recorded wins; later ones are ignored. */
public enum CloseReason {
  /** We closed it: shutdown, torrent removed, peer no longer useful. */
  CLOSED_LOCALLY,
  /** The peer closed the stream. */
  PEER_CLOSED,
  /** Reading or writing failed. */
  IO_ERROR,
  /** The first bytes were not a BitTorrent handshake. */
  BAD_HANDSHAKE,
  /** An incoming peer asked for a torrent we do not serve. */
  UNKNOWN_INFO_HASH,
  /** The peer we called answered for another torrent. */
  INFO_HASH_MISMATCH,
  /** The peer is ourselves: it sent our own peer id. */
  SELF_CONNECTION,
  /** The handshake did not complete in time. */
  HANDSHAKE_TIMEOUT,
  /** No complete message arrived in time (keep-alives count). */
  IDLE_TIMEOUT,
  /** A length prefix above what the message may hold. */
  MESSAGE_TOO_LARGE,
  /** A message that breaks its format: wrong length, bad index, spare bits, unknown id. */
  MALFORMED_MESSAGE,
  /** A message that is well formed but not allowed now, such as a fast message without BEP 6. */
  PROTOCOL_VIOLATION,
  /** An extension message (BEP 10) that breaks its format. */
  MALFORMED_EXTENSION_MESSAGE,
  /** The peer reads so slowly that its bounded send queue filled up. */
  SEND_QUEUE_FULL,
  /** Our own code failed while handling the peer: a bug, never the peer's fault. */
  INTERNAL_ERROR
}
