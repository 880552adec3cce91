package org.equinode.torrent.metainfo;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/** The SHA-1 hash of every piece, in order: the {@code pieces} string of an info dictionary. */
public final class PieceHashes {
  /** The length of one hash. */
  public static final int HASH_LENGTH = 20;

  private final byte[] hashes;

  private PieceHashes(byte[] hashes) {
    this.hashes = hashes;
  }

  /**
   * A copy of the concatenated hashes.
   *
   * @throws InvalidMetainfoException if the length is not a multiple of 20
   */
  public static PieceHashes of(byte[] concatenated) {
    if (concatenated.length % HASH_LENGTH != 0) {
      throw new InvalidMetainfoException(
          "'pieces' is " + concatenated.length + " bytes, not a multiple of " + HASH_LENGTH);
    }
    return new PieceHashes(concatenated.clone());
  }

  /** The number of pieces. */
  public int count() {
    return hashes.length / HASH_LENGTH;
  }

  /** A copy of the hash of piece {@code index}. */
  public byte[] hash(int index) {
    checkIndex(index);
    return Arrays.copyOfRange(hashes, index * HASH_LENGTH, (index + 1) * HASH_LENGTH);
  }

  /** Whether {@code sha1} is the hash of piece {@code index}. */
  public boolean matches(int index, byte[] sha1) {
    checkIndex(index);
    return sha1.length == HASH_LENGTH
        && Arrays.equals(
            hashes, index * HASH_LENGTH, (index + 1) * HASH_LENGTH, sha1, 0, HASH_LENGTH);
  }

  /** Whether {@code data} hashes to piece {@code index}. */
  public boolean verify(int index, byte[] data) {
    MessageDigest sha1 = InfoHash.sha1();
    return matches(index, sha1.digest(data));
  }

  /** Whether the remaining bytes of {@code data} hash to piece {@code index}; consumes them. */
  public boolean verify(int index, ByteBuffer data) {
    MessageDigest sha1 = InfoHash.sha1();
    sha1.update(data);
    return matches(index, sha1.digest());
  }

  /** A copy of the concatenated hashes. */
  public byte[] toByteArray() {
    return hashes.clone();
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= count()) {
      throw new IndexOutOfBoundsException("piece " + index + " of " + count());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PieceHashes other && Arrays.equals(hashes, other.hashes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hashes);
  }

  @Override
  public String toString() {
    return count() + " piece hashes";
  }
}
