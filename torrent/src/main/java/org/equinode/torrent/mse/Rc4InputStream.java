package org.equinode.torrent.mse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Decrypts what it reads with RC4. */
final class Rc4InputStream extends FilterInputStream {
  private final Rc4 cipher;

  Rc4InputStream(InputStream in, Rc4 cipher) {
    super(in);
    this.cipher = cipher;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int count = in.read(buffer, offset, length);
    if (count > 0) {
      cipher.apply(buffer, offset, count);
    }
    return count;
  }

  @Override
  public long skip(long count) throws IOException {
    byte[] scratch = new byte[(int) Math.min(count, 8192)];
    long skipped = 0;
    while (skipped < count) {
      int read = read(scratch, 0, (int) Math.min(scratch.length, count - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
