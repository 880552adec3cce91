package org.equinode.wallet.file;

import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM from the JDK: a 32-byte key, a 12-byte nonce, a 16-byte tag after the ciphertext. */
public final class SecretBox {
  /** The key length. */
  public static final int KEY_LENGTH = 32;

  /** The nonce length. */
  public static final int NONCE_LENGTH = 12;

  /** The tag length, appended to the ciphertext. */
  public static final int TAG_LENGTH = 16;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private SecretBox() {}

  /** Encrypts {@code plaintext} and authenticates it together with {@code associated}. */
  public static byte[] seal(byte[] key, byte[] nonce, byte[] associated, byte[] plaintext) {
    try {
      Cipher cipher = init(Cipher.ENCRYPT_MODE, key, nonce, associated);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's AES-GCM failed to encrypt", e);
    }
  }

  /**
   * Decrypts {@code ciphertext}, or nothing when the tag does not verify (a wrong key, or bytes or
   * associated data altered): no partial plaintext is ever returned.
   */
  public static Optional<byte[]> open(
      byte[] key, byte[] nonce, byte[] associated, byte[] ciphertext) {
    if (ciphertext.length < TAG_LENGTH) {
      return Optional.empty();
    }
    try {
      Cipher cipher = init(Cipher.DECRYPT_MODE, key, nonce, associated);
      return Optional.of(cipher.doFinal(ciphertext));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's AES-GCM failed to decrypt", e);
    }
  }

  private static Cipher init(int mode, byte[] key, byte[] nonce, byte[] associated)
      throws GeneralSecurityException {
    if (key.length != KEY_LENGTH || nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException(
          "AES-256-GCM needs a 32-byte key and a 12-byte nonce, got "
              + key.length
              + " and "
              + nonce.length);
    }
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
    cipher.updateAAD(associated);
    return cipher;
  }
}
