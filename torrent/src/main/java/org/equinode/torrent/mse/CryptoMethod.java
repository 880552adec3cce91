package org.equinode.torrent.mse;

/** What protects the payload after an MSE handshake: the bits of {@code crypto_provide}. */
public enum CryptoMethod {
  /** The handshake was encrypted; the payload travels in the clear. */
  PLAINTEXT(0x01),
  /** The payload stays RC4-encrypted. */
  RC4(0x02);

  private final int bit;

  CryptoMethod(int bit) {
    this.bit = bit;
  }

  int bit() {
    return bit;
  }
}
