package org.equinode.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.equinode.common.Hex;
import org.equinode.common.OwnerOnlyFiles;

/**
 * The node's identity key on disk: created on first start, loaded on every later one.
 *
 * <p>Format version 1 is 162 bytes of ASCII text, three lines, each ending in {@code \n}:
 *
 * <pre>
 * equinode-node-key 1
 * seed &lt;64 lower-case hex digits: the Ed25519 seed&gt;
 * public &lt;64 lower-case hex digits: its public key&gt;
 * </pre>
 *
 * The first line names the format and its version, so that a later format is recognised as such;
 * the public key lets a reader see the node's identity, and lets the loader detect a damaged seed.
 *
 * <p>On POSIX file systems the file is created with permissions {@code rw-------} and missing
 * parent folders with {@code rwx------}, both set when they are created; a key file that group or
 * others may access is refused on load, as ssh refuses such private keys. Elsewhere permissions are
 * left to the system. Content and permission problems are {@link CryptoException}s that name the
 * file; failing I/O is an {@link UncheckedIOException}.
 */
public final class NodeKeyFile {
  /** The first word of every node key file. */
  static final String MAGIC = "equinode-node-key";

  /** The format version this class writes and reads. */
  static final int VERSION = 1;

  /** Files longer than this are refused before they are read; no version needs more. */
  static final int MAX_FILE_BYTES = 4096;

  private static final String HEADER = MAGIC + " " + VERSION + "\n";
  private static final String SEED_PREFIX = "seed ";
  private static final String PUBLIC_PREFIX = "public ";
  private static final int HEX_DIGITS = 64;

  /** The exact length of a version 1 file. */
  static final int VERSION_1_BYTES =
      HEADER.length() + SEED_PREFIX.length() + PUBLIC_PREFIX.length() + 2 * (HEX_DIGITS + 1);

  private NodeKeyFile() {}

  /**
   * The key in {@code file}; if there is no such file, a new key from {@code random}, written there
   * atomically first.
   *
   * @throws CryptoException if the file exists but is not a valid key file, or group or others may
   *     access it
   */
  public static Ed25519PrivateKey loadOrCreate(Path file, SecureRandom random) {
    if (Files.exists(file)) {
      return load(file);
    }
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
    create(file, key);
    return key;
  }

  /**
   * The key in an existing {@code file}.
   *
   * @throws CryptoException if the file is not a valid key file, or group or others may access it
   */
  public static Ed25519PrivateKey load(Path file) {
    try {
      if (OwnerOnlyFiles.isSharedWithOthers(file)) {
        throw new CryptoException(
            "node key file "
                + file
                + " is accessible by group or others (permissions "
                + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                + "); it holds the node's secret key, so it is refused: run chmod 600 "
                + file);
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw refused(file, "it is " + size + " bytes, more than any node key file");
      }
      return decode(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read node key file " + file, e);
    }
  }

  /** The bytes of a version 1 file holding {@code key}. */
  static byte[] encode(Ed25519PrivateKey key) {
    String text =
        HEADER
            + SEED_PREFIX
            + Hex.encode(key.seedBytes())
            + "\n"
            + PUBLIC_PREFIX
            + key.publicKey()
            + "\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads the bytes of a key file; {@code file} names it in messages. */
  static Ed25519PrivateKey decode(Path file, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (!text.startsWith(MAGIC + " ")) {
      throw refused(file, "it is not an Equinode node key file (no '" + MAGIC + "' header)");
    }
    int headerEnd = text.indexOf('\n');
    String version = text.substring(MAGIC.length() + 1, headerEnd < 0 ? text.length() : headerEnd);
    if (!version.equals(Integer.toString(VERSION))) {
      throw refused(
          file,
          "its format version is '"
              + printable(version)
              + "' and this build reads version "
              + VERSION);
    }
    if (bytes.length != VERSION_1_BYTES) {
      throw refused(
          file,
          "it is "
              + bytes.length
              + " bytes long, a version "
              + VERSION
              + " key file is "
              + VERSION_1_BYTES);
    }
    int seedStart = HEADER.length();
    String seedHex = hexLine(file, text, seedStart, SEED_PREFIX);
    String publicHex =
        hexLine(file, text, seedStart + SEED_PREFIX.length() + HEX_DIGITS + 1, PUBLIC_PREFIX);
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(Hex.decode(seedHex));
    if (!key.publicKey().toString().equals(publicHex)) {
      throw refused(file, "it is damaged: its public key does not belong to its seed");
    }
    return key;
  }

  private static String hexLine(Path file, String text, int start, String prefix) {
    int digitsStart = start + prefix.length();
    int end = digitsStart + HEX_DIGITS;
    boolean wellFormed = text.startsWith(prefix, start) && text.charAt(end) == '\n';
    for (int i = digitsStart; wellFormed && i < end; i++) {
      char c = text.charAt(i);
      wellFormed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
    if (!wellFormed) {
      throw refused(
          file,
          "its '" + prefix.strip() + "' line is not '" + prefix + "' and 64 lower-case hex digits");
    }
    return text.substring(digitsStart, end);
  }

  private static void create(Path file, Ed25519PrivateKey key) {
    OwnerOnlyFiles.writeAtomically(file, encode(key));
  }

  private static CryptoException refused(Path file, String reason) {
    return new CryptoException("refusing node key file " + file + ": " + reason);
  }

  /** The text with anything but printable ASCII replaced, and cut short, for a message. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 20; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return text.length() > 20 ? out + "..." : out.toString();
  }
}
