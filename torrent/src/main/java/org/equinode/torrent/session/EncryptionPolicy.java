package org.equinode.torrent.session;

/**
 * Whether connections use Message Stream Encryption (MSE). Incoming connections are told apart by
 * their first bytes, so one port takes both kinds.
 */
public enum EncryptionPolicy {
  /** Connect in the clear; accept both kinds. */
  PLAINTEXT,
  /**
   * Connect with MSE offering RC4 and plaintext, and reconnect in the clear when the peer drops the
   * encrypted handshake (as aria2 and libtorrent do); accept both kinds. The default.
   */
  PREFERRED,
  /** MSE only, RC4 only, both ways: plain handshakes are refused. */
  REQUIRED;

  /** Whether we start outgoing connections with an MSE handshake. */
  boolean encryptsOutgoing() {
    return this != PLAINTEXT;
  }

  /** Whether an incoming plain BitTorrent handshake is accepted. */
  boolean acceptsPlain() {
    return this != REQUIRED;
  }
}
