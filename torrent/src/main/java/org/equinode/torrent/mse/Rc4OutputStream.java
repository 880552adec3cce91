package org.equinode.torrent.mse;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Encrypts what it writes with RC4, never touching the caller's array. Not thread-safe. */
final class Rc4OutputStream extends FilterOutputStream {
  private static final int CHUNK = 16 * 1024;

  private final Rc4 cipher;
  private final byte[] chunk = new byte[CHUNK];

  Rc4OutputStream(OutputStream out, Rc4 cipher) {
    super(out);
    this.cipher = cipher;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    for (int done = 0; done < length; ) {
      int n = Math.min(CHUNK, length - done);
      System.arraycopy(buffer, offset + done, chunk, 0, n);
      cipher.apply(chunk, 0, n);
      out.write(chunk, 0, n);
      done += n;
    }
  }
}
