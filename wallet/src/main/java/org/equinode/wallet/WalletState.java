package org.equinode.wallet;

import java.util.Optional;
import java.util.function.Supplier;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;
import org.equinode.wallet.file.WalletFile;
import org.equinode.wallet.keys.HashSecrets;
import org.equinode.wallet.keys.KeyChain;
import org.equinode.wallet.keys.WalletSecrets;
import org.equinode.wallet.keys.WatchList;
import org.equinode.wallet.ledger.WalletLedger;

/**
 * Everything a wallet knows except its secrets: the public section of its file. Not thread-safe:
 * {@link Wallet} guards it.
 */
final class WalletState {
  /** The version of the public section's layout: 2 keeps abandoned transactions. */
  static final int VERSION = 2;

  /** The first version, without abandoned transactions: still read, written as {@link #VERSION}. */
  static final int VERSION_WITHOUT_ABANDONED = 1;

  final KeyChain keys;
  final WatchList watched;
  final HashSecrets hashes;
  final WalletLedger ledger;
  private final KeyOwnership ownership;

  private WalletState(
      KeyChain keys,
      WatchList watched,
      HashSecrets hashes,
      WalletLedger ledger,
      KeyOwnership ownership) {
    this.keys = keys;
    this.watched = watched;
    this.hashes = hashes;
    this.ledger = ledger;
    this.ownership = ownership;
  }

  /** The state of a new wallet: the first window of receive keys, nothing else. */
  static WalletState create(WalletSecrets secrets, int maturity) {
    KeyChain keys = KeyChain.create(secrets);
    WatchList watched = new WatchList();
    KeyOwnership ownership = new KeyOwnership(keys, watched);
    return new WalletState(
        keys, watched, new HashSecrets(), new WalletLedger(ownership, maturity), ownership);
  }

  /** Where receive keys come from when payments use up the window (the wallet's secrets). */
  void deriveWith(Supplier<Optional<WalletSecrets>> source) {
    ownership.deriveWith(source);
  }

  /** {@code u8} version, the key chain, the watch list, the hash secrets, the ledger. */
  byte[] encode() {
    ByteWriter writer = ByteWriter.withMaxSize(WalletFile.MAX_FILE_SIZE);
    writer.writeU8(VERSION);
    keys.write(writer);
    watched.write(writer);
    hashes.write(writer);
    ledger.write(writer);
    return writer.toByteArray();
  }

  /**
   * Decodes a public section.
   *
   * @throws org.equinode.common.DecodeException if it is not exactly this layout
   */
  static WalletState decode(byte[] bytes, int maturity) {
    ByteReader reader = ByteReader.of(bytes);
    int version = reader.readU8();
    if (version != VERSION && version != VERSION_WITHOUT_ABANDONED) {
      throw new MalformedException(
          "public section version "
              + version
              + " is not supported (expected "
              + VERSION_WITHOUT_ABANDONED
              + " or "
              + VERSION
              + ")");
    }
    KeyChain keys = KeyChain.read(reader);
    WatchList watched = WatchList.read(reader);
    HashSecrets hashes = HashSecrets.read(reader);
    KeyOwnership ownership = new KeyOwnership(keys, watched);
    WalletLedger ledger = WalletLedger.read(reader, ownership, maturity, version == VERSION);
    reader.expectEnd("the public section");
    return new WalletState(keys, watched, hashes, ledger, ownership);
  }
}
