package org.equinode.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.equinode.common.Hash32;

/**
 * SHA-256 with a domain tag: {@code SHA256(SHA256(tag) || SHA256(tag) || data)}, as in BIP-340. A
 * distinct tag per use (such as {@code eq/tx} or {@code eq/block}) keeps a hash of one kind from
 * ever being valid as another. The 64-byte prefix is absorbed once; each hash clones that state.
 * Thread-safe.
 */
public final class TaggedHash {
  private final String tag;
  private final MessageDigest prefixed;

  private TaggedHash(String tag) {
    this.tag = tag;
    MessageDigest digest = sha256();
    byte[] tagHash = digest.digest(tag.getBytes(StandardCharsets.UTF_8));
    digest.update(tagHash);
    digest.update(tagHash);
    this.prefixed = digest;
  }

  /** The hash function for {@code tag}. Create once and keep it: it precomputes the prefix. */
  public static TaggedHash of(String tag) {
    if (tag.isEmpty()) {
      throw new IllegalArgumentException("a hash tag must not be empty");
    }
    return new TaggedHash(tag);
  }

  public String tag() {
    return tag;
  }

  /** The tagged hash of {@code data}. */
  public Hash32 hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  /** The tagged hash of {@code length} bytes of {@code data} from {@code offset}. */
  public Hash32 hash(byte[] data, int offset, int length) {
    MessageDigest digest = start();
    digest.update(data, offset, length);
    return Hash32.of(digest.digest());
  }

  /** The tagged hash of the concatenation of {@code parts}. */
  public Hash32 hash(byte[]... parts) {
    MessageDigest digest = start();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return Hash32.of(digest.digest());
  }

  private MessageDigest start() {
    try {
      synchronized (prefixed) {
        return (MessageDigest) prefixed.clone();
      }
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
    }
  }

  /** A fresh SHA-256 digest from the JDK. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "TaggedHash[" + tag + "]";
  }
}
