package org.equinode.torrent.mse;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** The Diffie-Hellman group and the hashes of MSE. */
final class MseKeys {
  /** The public keys' length: 768 bits, big-endian. */
  static final int PUBLIC_KEY_LENGTH = 96;

  /** The private exponent's length, as the specification recommends. */
  static final int PRIVATE_KEY_BITS = 160;

  /** RC4 output discarded before use, in each direction. */
  static final int RC4_DISCARD = 1024;

  private static final BigInteger PRIME =
      new BigInteger(
          "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A63A36210000000000090563",
          16);
  private static final BigInteger GENERATOR = BigInteger.TWO;

  private final BigInteger privateKey;
  private final byte[] publicKey;

  MseKeys(SecureRandom random) {
    BigInteger x;
    do {
      x = new BigInteger(PRIVATE_KEY_BITS, random);
    } while (x.signum() == 0);
    this.privateKey = x;
    this.publicKey = fixedLength(GENERATOR.modPow(x, PRIME));
  }

  byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * The shared secret S with the peer's public key.
   *
   * @throws MseException if the peer's key is outside 2..P-2 (a degenerate key that fixes S)
   */
  byte[] sharedSecret(byte[] peerPublicKey) {
    BigInteger y = new BigInteger(1, peerPublicKey);
    if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(PRIME.subtract(BigInteger.ONE)) >= 0) {
      throw new MseException("the peer's Diffie-Hellman key is degenerate");
    }
    return fixedLength(y.modPow(privateKey, PRIME));
  }

  private static byte[] fixedLength(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[PUBLIC_KEY_LENGTH];
    int copy = Math.min(raw.length, PUBLIC_KEY_LENGTH);
    System.arraycopy(raw, raw.length - copy, out, PUBLIC_KEY_LENGTH - copy, copy);
    return out;
  }

  /** SHA-1 of the concatenation of an ASCII label and byte strings. */
  static byte[] hash(String label, byte[]... parts) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
    sha1.update(label.getBytes(StandardCharsets.US_ASCII));
    for (byte[] part : parts) {
      sha1.update(part);
    }
    return sha1.digest();
  }

  /**
   * An RC4 cipher keyed with {@code HASH(label, S, SKEY)} that has discarded its first 1024 bytes.
   */
  static Rc4 cipher(String label, byte[] secret, byte[] skey) {
    Rc4 rc4 = new Rc4(hash(label, secret, skey));
    rc4.skip(RC4_DISCARD);
    return rc4;
  }
}
