package org.equinode.torrent.mse;

/**
 * The RC4 stream cipher, as MSE needs it: keyed once, then applied in place to consecutive bytes.
 * Not thread-safe; one instance per direction of one connection.
 */
final class Rc4 {
  private final byte[] state = new byte[256];
  private int i;
  private int j;

  Rc4(byte[] key) {
    if (key.length == 0 || key.length > 256) {
      throw new IllegalArgumentException("an RC4 key is 1 to 256 bytes, got " + key.length);
    }
    for (int k = 0; k < 256; k++) {
      state[k] = (byte) k;
    }
    int jj = 0;
    for (int k = 0; k < 256; k++) {
      jj = (jj + (state[k] & 0xff) + (key[k % key.length] & 0xff)) & 0xff;
      byte swap = state[k];
      state[k] = state[jj];
      state[jj] = swap;
    }
  }

  /** XORs {@code length} bytes of {@code data} from {@code offset} with the keystream, in place. */
  void apply(byte[] data, int offset, int length) {
    int ii = i;
    int jj = j;
    byte[] s = state;
    for (int k = offset; k < offset + length; k++) {
      ii = (ii + 1) & 0xff;
      int si = s[ii] & 0xff;
      jj = (jj + si) & 0xff;
      int sj = s[jj] & 0xff;
      s[ii] = (byte) sj;
      s[jj] = (byte) si;
      data[k] ^= s[(si + sj) & 0xff];
    }
    i = ii;
    j = jj;
  }

  /** Advances the keystream by {@code count} bytes without using them. */
  void skip(int count) {
    apply(new byte[count], 0, count);
  }
}
