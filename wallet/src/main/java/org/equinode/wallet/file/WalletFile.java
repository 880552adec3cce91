package org.equinode.wallet.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.DecodeException;
import org.equinode.common.Hash32;
import org.equinode.common.MalformedException;
import org.equinode.common.Network;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.common.TruncatedException;
import org.equinode.crypto.TaggedHash;
import org.equinode.wallet.Passphrase;
import org.equinode.wallet.WalletFileException;
import org.equinode.wallet.keys.WalletSecrets;

/**
 * A wallet file: a fixed header, the secret section encrypted under a key derived from the
 * passphrase, the public section in plaintext, and a SHA-256 checksum of all of it. The exact
 * layout is in {@code wallet/README.md}. Immutable; changing a section makes a new instance.
 *
 * <p>The header (magic through nonce) is the AES-GCM associated data, so the secret section opens
 * only under the very cost parameters, salt, network and format version it was sealed with. The
 * public section is not authenticated by the key (a locked wallet must be able to rewrite it); the
 * wallet checks it against the secrets whenever it is unlocked.
 */
public final class WalletFile {
  /** The first bytes of every wallet file. */
  public static final byte[] MAGIC = "EQWALLET".getBytes(StandardCharsets.US_ASCII);

  /** The only format version written and read. */
  public static final int FORMAT_VERSION = 1;

  /** Key derivation 1: Argon2id version 1.3. */
  public static final int KDF_ARGON2ID = 1;

  /** Cipher 1: AES-256-GCM. */
  public static final int CIPHER_AES_256_GCM = 1;

  /** The length of the random Argon2 salt. */
  public static final int SALT_LENGTH = 16;

  /** The length of the header, which is the AES-GCM associated data. */
  public static final int HEADER_LENGTH =
      MAGIC.length
          + 2
          + 1
          + 1
          + Argon2Params.ENCODED_LENGTH
          + SALT_LENGTH
          + 1
          + SecretBox.NONCE_LENGTH;

  /** The longest encrypted secret section. */
  public static final int MAX_SECRET_SECTION = SecretsCodec.MAX_LENGTH + SecretBox.TAG_LENGTH;

  /** The longest wallet file read or written: 256 MiB. */
  public static final int MAX_FILE_SIZE = 256 * 1024 * 1024;

  /** The checksum's length: SHA-256. */
  public static final int CHECKSUM_LENGTH = Hash32.LENGTH;

  private final Network network;
  private final Argon2Params kdf;
  private final byte[] salt;
  private final byte[] nonce;
  private final byte[] ciphertext;
  private final byte[] publicSection;

  private WalletFile(
      Network network,
      Argon2Params kdf,
      byte[] salt,
      byte[] nonce,
      byte[] ciphertext,
      byte[] publicSection) {
    this.network = network;
    this.kdf = kdf;
    this.salt = salt;
    this.nonce = nonce;
    this.ciphertext = ciphertext;
    this.publicSection = publicSection;
  }

  /**
   * A new file holding {@code secrets}, encrypted under {@code passphrase} with a fresh salt and
   * nonce, and {@code publicSection}. Runs Argon2id: slow on purpose.
   */
  public static WalletFile seal(
      Network network,
      WalletSecrets secrets,
      Passphrase passphrase,
      Argon2Params kdf,
      SecureRandom random,
      byte[] publicSection) {
    byte[] salt = new byte[SALT_LENGTH];
    random.nextBytes(salt);
    byte[] nonce = new byte[SecretBox.NONCE_LENGTH];
    random.nextBytes(nonce);
    byte[] header = header(network, kdf, salt, nonce);
    byte[] key = fileKey(passphrase, salt, kdf);
    byte[] plaintext = SecretsCodec.encode(secrets);
    try {
      byte[] ciphertext = SecretBox.seal(key, nonce, header, plaintext);
      return new WalletFile(network, kdf, salt, nonce, ciphertext, publicSection.clone());
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * The secrets, or nothing when {@code passphrase} is wrong (or the encrypted bytes or header were
   * altered): nothing is decrypted then. Runs Argon2id: slow on purpose.
   *
   * @throws WalletFileException if the decrypted section is not valid (a file written by a broken
   *     program: the key was right, so nobody else could have written it)
   */
  public Optional<WalletSecrets> open(Passphrase passphrase) {
    byte[] key = fileKey(passphrase, salt, kdf);
    Optional<byte[]> plaintext;
    try {
      plaintext = SecretBox.open(key, nonce, header(network, kdf, salt, nonce), ciphertext);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    if (plaintext.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SecretsCodec.decode(plaintext.get()));
    } catch (DecodeException e) {
      throw new WalletFileException("the decrypted secret section is invalid: " + e.getMessage());
    } finally {
      Arrays.fill(plaintext.get(), (byte) 0);
    }
  }

  private static byte[] fileKey(Passphrase passphrase, byte[] salt, Argon2Params kdf) {
    byte[] password = passphrase.toUtf8();
    try {
      return Argon2Kdf.derive(password, salt, kdf, SecretBox.KEY_LENGTH);
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }

  /** This file with another public section; the secret section is kept as it is. */
  public WalletFile withPublicSection(byte[] section) {
    return new WalletFile(network, kdf, salt, nonce, ciphertext, section.clone());
  }

  public Network network() {
    return network;
  }

  public Argon2Params kdf() {
    return kdf;
  }

  /** A copy of the public section. */
  public byte[] publicSection() {
    return publicSection.clone();
  }

  private static byte[] header(Network network, Argon2Params kdf, byte[] salt, byte[] nonce) {
    ByteWriter writer = ByteWriter.withMaxSize(HEADER_LENGTH);
    writer.writeBytes(MAGIC).writeU16LE(FORMAT_VERSION).writeU8(networkCode(network));
    writer.writeU8(KDF_ARGON2ID);
    kdf.write(writer);
    writer.writeBytes(salt).writeU8(CIPHER_AES_256_GCM).writeBytes(nonce);
    return writer.toByteArray();
  }

  /** The whole file. */
  public byte[] encode() {
    ByteWriter writer = ByteWriter.withMaxSize(MAX_FILE_SIZE);
    writer.writeBytes(header(network, kdf, salt, nonce));
    writer.writeVarBytes(ciphertext);
    writer.writeVarBytes(publicSection);
    writer.writeBytes(checksum(writer.toByteArray()));
    return writer.toByteArray();
  }

  private static byte[] checksum(byte[] bytes) {
    return TaggedHash.sha256().digest(bytes);
  }

  /**
   * Decodes a whole file. Checks, in order: the magic, the format version, the structure (a missing
   * byte is a {@link TruncatedException}), then the checksum and the header's values.
   *
   * @throws DecodeException with a message saying what is wrong
   */
  public static WalletFile decode(byte[] bytes) {
    if (bytes.length > MAX_FILE_SIZE) {
      throw new MalformedException(
          "a wallet file has at most " + MAX_FILE_SIZE + " bytes, got " + bytes.length);
    }
    ByteReader reader = ByteReader.of(bytes);
    checkMagic(bytes);
    reader.skip(MAGIC.length);
    int version = reader.readU16LE();
    if (version != FORMAT_VERSION) {
      throw new MalformedException(
          "wallet file format version "
              + version
              + " is not supported (this program reads version "
              + FORMAT_VERSION
              + ")");
    }
    int networkCode = reader.readU8();
    int kdfId = reader.readU8();
    Argon2Params kdf = Argon2Params.read(reader);
    byte[] salt = reader.readBytes(SALT_LENGTH);
    int cipherId = reader.readU8();
    byte[] nonce = reader.readBytes(SecretBox.NONCE_LENGTH);
    byte[] ciphertext = reader.readVarBytes(MAX_SECRET_SECTION, "secret section");
    byte[] publicSection = reader.readVarBytes(MAX_FILE_SIZE, "public section");
    int end = reader.position();
    byte[] stored = reader.readBytes(CHECKSUM_LENGTH);
    reader.expectEnd("the checksum");
    if (!MessageDigest.isEqual(stored, checksum(Arrays.copyOf(bytes, end)))) {
      throw new MalformedException(
          "the checksum does not match the contents: the file is corrupted");
    }
    if (kdfId != KDF_ARGON2ID) {
      throw new MalformedException("unknown key derivation " + kdfId + " (expected 1, Argon2id)");
    }
    if (cipherId != CIPHER_AES_256_GCM) {
      throw new MalformedException("unknown cipher " + cipherId + " (expected 1, AES-256-GCM)");
    }
    if (ciphertext.length < SecretBox.TAG_LENGTH) {
      throw new MalformedException(
          "the secret section has " + ciphertext.length + " bytes, less than its tag");
    }
    return new WalletFile(network(networkCode), kdf, salt, nonce, ciphertext, publicSection);
  }

  private static void checkMagic(byte[] bytes) {
    int compared = Math.min(bytes.length, MAGIC.length);
    if (!Arrays.equals(bytes, 0, compared, MAGIC, 0, compared)) {
      throw new MalformedException("not an Equinode wallet file (it does not start with EQWALLET)");
    }
    if (compared < MAGIC.length) {
      throw new TruncatedException("the file ends inside the EQWALLET magic");
    }
  }

  private static int networkCode(Network network) {
    return switch (network) {
      case MAIN -> 1;
      case TEST -> 2;
      case DEV -> 3;
    };
  }

  private static Network network(int code) {
    return switch (code) {
      case 1 -> Network.MAIN;
      case 2 -> Network.TEST;
      case 3 -> Network.DEV;
      default -> throw new MalformedException("unknown network code " + code);
    };
  }

  /**
   * Reads and decodes the file at {@code path}.
   *
   * @throws WalletFileException naming the file: missing, unreadable, too large, not a wallet file,
   *     of another format version, truncated or corrupted
   */
  public static WalletFile read(Path path) {
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > MAX_FILE_SIZE) {
        throw new WalletFileException(
            "wallet file " + path + " has " + size + " bytes, more than " + MAX_FILE_SIZE);
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new WalletFileException("no wallet file at " + path, e);
    } catch (IOException e) {
      throw new WalletFileException("cannot read wallet file " + path + ": " + e.getMessage(), e);
    }
    try {
      return decode(bytes);
    } catch (TruncatedException e) {
      throw new WalletFileException("wallet file " + path + " is truncated: " + e.getMessage(), e);
    } catch (MalformedException e) {
      throw new WalletFileException(
          "wallet file " + path + " cannot be used: " + e.getMessage(), e);
    }
  }

  /** Replaces the file at {@code path} atomically with this one, owner-only. */
  public void write(Path path) {
    try {
      OwnerOnlyFiles.writeAtomically(path, encode());
    } catch (UncheckedIOException e) {
      throw new WalletFileException(String.valueOf(e.getMessage()), e);
    }
  }
}
