package org.equinode.wallet.file;

import java.nio.charset.StandardCharsets;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;
import org.equinode.crypto.CryptoException;
import org.equinode.crypto.Mnemonic;
import org.equinode.wallet.keys.StrictUtf8;
import org.equinode.wallet.keys.WalletSecrets;

/**
 * The plaintext of the secret section: {@code u8} version 1, the mnemonic's entropy ({@code cs}
 * length, 16 to 32 bytes in steps of 4), then the BIP39 passphrase ({@code cs} length, UTF-8).
 */
public final class SecretsCodec {
  /** The version of this layout. */
  public static final int VERSION = 1;

  /** The longest encoded BIP39 passphrase. */
  public static final int MAX_PASSPHRASE_BYTES = 3 * Mnemonic.MAX_PASSPHRASE_LENGTH;

  /** The longest plaintext: version, entropy and passphrase with their lengths. */
  public static final int MAX_LENGTH =
      1 + 1 + Mnemonic.MAX_ENTROPY_BITS / 8 + 3 + MAX_PASSPHRASE_BYTES;

  private SecretsCodec() {}

  /** The plaintext; the caller wipes it after use. */
  public static byte[] encode(WalletSecrets secrets) {
    ByteWriter writer = ByteWriter.withMaxSize(MAX_LENGTH);
    writer.writeU8(VERSION);
    writer.writeVarBytes(secrets.mnemonic().entropy());
    writer.writeVarBytes(secrets.bip39Passphrase().getBytes(StandardCharsets.UTF_8));
    return writer.toByteArray();
  }

  /**
   * The secrets in {@code plaintext}.
   *
   * @throws org.equinode.common.DecodeException if it is not exactly this layout
   */
  public static WalletSecrets decode(byte[] plaintext) {
    ByteReader reader = ByteReader.of(plaintext);
    int version = reader.readU8();
    if (version != VERSION) {
      throw new MalformedException(
          "secret section version " + version + " is not supported (expected " + VERSION + ")");
    }
    byte[] entropy = reader.readVarBytes(Mnemonic.MAX_ENTROPY_BITS / 8, "mnemonic entropy");
    String passphrase =
        StrictUtf8.decode(
            reader.readVarBytes(MAX_PASSPHRASE_BYTES, "BIP39 passphrase"), "the BIP39 passphrase");
    reader.expectEnd("the secret section");
    try {
      return WalletSecrets.of(Mnemonic.fromEntropy(entropy), passphrase);
    } catch (CryptoException e) {
      throw new MalformedException("secret section: " + e.getMessage());
    }
  }
}
