package org.equinode.torrent.metainfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import org.equinode.torrent.metainfo.SourceFiles.SourceFile;

/**
 * Hashes files as one stream cut into pieces, reading each file once, front to back, through one
 * buffer of {@link TorrentCreator#READ_BUFFER_BYTES}. A file whose length differs from its listing
 * (it changed while being shared) stops the hashing.
 */
final class PieceHasher {
  private final int pieceLength;
  private final MessageDigest sha1 = InfoHash.sha1();
  private final byte[] hashes;
  private int hashCount;
  private long pieceFill;

  private PieceHasher(int pieceLength, int pieceCount) {
    this.pieceLength = pieceLength;
    this.hashes = new byte[pieceCount * PieceHashes.HASH_LENGTH];
  }

  /** The piece hashes of {@code files}; {@code pieceCount} must be the number the total makes. */
  static PieceHashes hash(List<SourceFile> files, int pieceLength, int pieceCount) {
    PieceHasher hasher = new PieceHasher(pieceLength, pieceCount);
    ByteBuffer buffer = ByteBuffer.allocate(TorrentCreator.READ_BUFFER_BYTES);
    for (SourceFile file : files) {
      hasher.hashFile(file, buffer);
    }
    if (hasher.pieceFill > 0) {
      hasher.finishPiece();
    }
    if (hasher.hashCount != pieceCount) {
      throw new IllegalStateException(hasher.hashCount + " pieces hashed, " + pieceCount + " due");
    }
    return PieceHashes.of(hasher.hashes);
  }

  private void hashFile(SourceFile file, ByteBuffer buffer) {
    try (FileChannel channel =
        FileChannel.open(file.location(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long left = file.length();
      while (left > 0) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), left));
        int read = channel.read(buffer);
        if (read < 0) {
          throw changed(file);
        }
        left -= read;
        buffer.flip();
        consume(buffer);
      }
      buffer.clear().limit(1);
      if (channel.read(buffer) > 0) {
        throw changed(file);
      }
    } catch (IOException e) {
      throw new TorrentCreationException("cannot read '" + file.location() + "': " + e, e);
    }
  }

  private void consume(ByteBuffer buffer) {
    while (buffer.hasRemaining()) {
      int take = (int) Math.min(buffer.remaining(), pieceLength - pieceFill);
      sha1.update(buffer.slice(buffer.position(), take));
      buffer.position(buffer.position() + take);
      pieceFill += take;
      if (pieceFill == pieceLength) {
        finishPiece();
      }
    }
  }

  private void finishPiece() {
    if (hashCount * PieceHashes.HASH_LENGTH >= hashes.length) {
      throw new IllegalStateException("more pieces than the total length makes");
    }
    byte[] digest = sha1.digest();
    System.arraycopy(digest, 0, hashes, hashCount * PieceHashes.HASH_LENGTH, digest.length);
    hashCount++;
    pieceFill = 0;
  }

  private static TorrentCreationException changed(SourceFile file) {
    return new TorrentCreationException(
        "'" + file.location() + "' changed while hashing (it was " + file.length() + " bytes)");
  }
}
