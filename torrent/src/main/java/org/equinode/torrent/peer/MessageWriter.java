package org.equinode.torrent.peer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Writes the handshake and messages to a peer's stream through one buffer, so that many small
 * messages and several blocks leave in one system call. Nothing reaches the stream before the
 * buffer fills or {@link #flush()} is called. A message longer than the buffer is encoded on its
 * own and written directly.
 *
 * <p>Not thread-safe: one writer thread per connection.
 */
public final class MessageWriter {
  /** The buffer size: four 16 KiB blocks with their headers fit. */
  public static final int BUFFER_SIZE = 64 * 1024 + 256;

  private final OutputStream out;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
  private long bytesWritten;

  public MessageWriter(OutputStream out) {
    this.out = out;
  }

  /** The bytes handed to the stream so far. */
  public long bytesWritten() {
    return bytesWritten;
  }

  /** Buffers the 68 bytes of {@code handshake}. */
  public void write(Handshake handshake) throws IOException {
    byte[] bytes = handshake.encode();
    ensureRoom(bytes.length);
    buffer.put(bytes);
  }

  /** Buffers {@code message}, writing out what was buffered before if it does not fit. */
  public void write(PeerMessage message) throws IOException {
    int total = MessageDecoder.LENGTH_PREFIX + message.length();
    if (total > BUFFER_SIZE) {
      flush();
      byte[] encoded = PeerMessage.encode(message);
      out.write(encoded);
      bytesWritten += encoded.length;
      return;
    }
    ensureRoom(total);
    buffer.putInt(message.length());
    message.writeBody(buffer);
  }

  /** Writes out everything buffered and flushes the stream. */
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  private void ensureRoom(int bytes) throws IOException {
    if (buffer.remaining() < bytes) {
      drain();
    }
  }

  private void drain() throws IOException {
    if (buffer.position() > 0) {
      out.write(buffer.array(), 0, buffer.position());
      bytesWritten += buffer.position();
      buffer.clear();
    }
  }
}
