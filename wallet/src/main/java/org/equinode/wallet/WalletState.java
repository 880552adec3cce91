package org.equinode.wallet;

import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;
import org.equinode.wallet.file.WalletFile;
import org.equinode.wallet.keys.HashSecrets;
import org.equinode.wallet.keys.KeyChain;
import org.equinode.wallet.keys.WalletSecrets;
import org.equinode.wallet.keys.WatchList;

/**
 * Everything a wallet knows except its secrets: the public section of its file. Not thread-safe:
 * {@link Wallet} guards it.
 */
final class WalletState {
  /** The version of the public section's layout. */
  static final int VERSION = 1;

  final KeyChain keys;
  final WatchList watched;
  final HashSecrets hashes;

  private WalletState(KeyChain keys, WatchList watched, HashSecrets hashes) {
    this.keys = keys;
    this.watched = watched;
    this.hashes = hashes;
  }

  /** The state of a new wallet: the first window of receive keys, nothing else. */
  static WalletState create(WalletSecrets secrets) {
    return new WalletState(KeyChain.create(secrets), new WatchList(), new HashSecrets());
  }

  /** {@code u8} version, the key chain, the watch list, the hash secrets. */
  byte[] encode() {
    ByteWriter writer = ByteWriter.withMaxSize(WalletFile.MAX_FILE_SIZE);
    writer.writeU8(VERSION);
    keys.write(writer);
    watched.write(writer);
    hashes.write(writer);
    return writer.toByteArray();
  }

  /**
   * Decodes a public section.
   *
   * @throws org.equinode.common.DecodeException if it is not exactly this layout
   */
  static WalletState decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    int version = reader.readU8();
    if (version != VERSION) {
      throw new MalformedException(
          "public section version " + version + " is not supported (expected " + VERSION + ")");
    }
    KeyChain keys = KeyChain.read(reader);
    WatchList watched = WatchList.read(reader);
    HashSecrets hashes = HashSecrets.read(reader);
    reader.expectEnd("the public section");
    return new WalletState(keys, watched, hashes);
  }
}
