package org.equinode.torrent.bencode;

/** How strictly the decoder checks the order of dictionary keys. */
public enum KeyOrder {
  /** Every dictionary's keys in strictly ascending unsigned byte order: the canonical encoding. */
  STRICT,
  /**
   * The outermost dictionary's keys in any order (each still only once); every nested value strict.
   * For {@code .torrent} files written by tools that do not sort the outer dictionary: it is not
   * hashed, while the {@code info} dictionary inside it, which is, must still be canonical.
   */
  ANY_AT_TOP_LEVEL,
  /**
   * Every dictionary's keys in any order (each still only once). For messages from peers (BEP 10
   * extension messages), which are never hashed: a client that does not sort its keys is still
   * understood.
   */
  ANY
}
