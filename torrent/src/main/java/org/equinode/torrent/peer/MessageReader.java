package org.equinode.torrent.peer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the handshake and then messages from a peer's stream, through its own buffer: each {@code
 * read} from the stream takes as many bytes as are there, so one system call usually yields several
 * messages.
 *
 * <p>Blocks of {@code piece} messages are views of the buffer, not copies. If blocks are kept (the
 * default), a buffer that a view was taken from is never written again: when it fills up, the
 * reader moves on to a new one and the old one lives as long as some block refers to it. If they
 * are not, a block is valid only until the next {@link #read}, and the reader keeps one buffer,
 * moving the start of a message that straddles its end to its front. A message longer than the
 * buffer grows it step by step as its bytes arrive (at most doubling what has arrived), so a peer
 * that announces a large message and sends nothing makes us allocate nothing.
 *
 * <p>Not thread-safe: one reader thread per connection. {@link #decoder(MessageDecoder)} may be
 * called from that thread (between messages) to change the limits.
 */
public final class MessageReader {
  /**
   * The size of a fresh buffer: room for sixteen 16 KiB blocks per system call, so that a fast peer
   * (hundreds of MiB/s on loopback) costs a few thousand reads per GiB rather than tens of
   * thousands, each of which may park and wake the reading thread.
   */
  public static final int BUFFER_SIZE = 256 * 1024;

  private final InputStream in;
  private final boolean keepBlocks;
  private MessageDecoder decoder;
  private byte[] buffer = new byte[BUFFER_SIZE];
  private int start;
  private int end;
  private boolean shared;
  private long bytesRead;

  /** A reader whose blocks stay valid as long as they are referenced. */
  public MessageReader(InputStream in, MessageDecoder decoder) {
    this(in, decoder, true);
  }

  /**
   * A reader whose blocks stay valid as long as they are referenced if {@code keepBlocks}, or only
   * until the next {@link #read} otherwise.
   */
  public MessageReader(InputStream in, MessageDecoder decoder, boolean keepBlocks) {
    this.in = in;
    this.decoder = decoder;
    this.keepBlocks = keepBlocks;
  }

  /** The decoder in use. */
  public MessageDecoder decoder() {
    return decoder;
  }

  /** Uses {@code decoder} from the next message on. */
  public void decoder(MessageDecoder decoder) {
    this.decoder = decoder;
  }

  /** The bytes taken from the stream so far, handshake included. */
  public long bytesRead() {
    return bytesRead;
  }

  /**
   * Reads exactly {@code count} raw bytes: the handshake, before messages start.
   *
   * @throws EOFException if the stream ends first
   */
  public byte[] readBytes(int count) throws IOException {
    while (end - start < count) {
      makeRoom(count);
      fill();
    }
    byte[] out = new byte[count];
    System.arraycopy(buffer, start, out, 0, count);
    start += count;
    return out;
  }

  /**
   * Reads the next message, blocking until it has fully arrived.
   *
   * @throws PeerWireException if the peer broke the protocol
   * @throws EOFException if the stream ends, between messages or inside one
   * @throws IOException if reading fails
   */
  public PeerMessage read() throws IOException {
    while (true) {
      ByteBuffer view = ByteBuffer.wrap(buffer, start, end - start);
      Optional<PeerMessage> message = decoder.decode(view);
      if (message.isPresent()) {
        start = view.position();
        if (keepBlocks && message.get() instanceof PeerMessage.Piece) {
          shared = true;
        }
        return message.get();
      }
      OptionalInt frame = decoder.frameLength(view);
      makeRoom(frame.orElse(MessageDecoder.LENGTH_PREFIX));
      fill();
    }
  }

  private void fill() throws IOException {
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      throw new EOFException(
          start == end
              ? "the peer closed the connection"
              : "the peer closed the connection inside a message (" + (end - start) + " bytes)");
    }
    end += n;
    bytesRead += n;
  }

  /**
   * Makes sure there is free space after {@code end}, moving or growing the buffer on the way to
   * holding {@code need} bytes from {@code start}.
   */
  private void makeRoom(int need) {
    if (start + need <= buffer.length && end < buffer.length) {
      return; // the whole frame fits where it is
    }
    if (start == 0 && end < buffer.length) {
      return; // keep reading; grow once this buffer is full
    }
    int have = end - start;
    int capacity = Math.max(BUFFER_SIZE, Math.min(need, Math.max(buffer.length, 2 * have)));
    if (capacity <= have) {
      capacity = have + BUFFER_SIZE; // only for readBytes with a count we chose ourselves
    }
    boolean fresh = shared || capacity > buffer.length;
    byte[] target = fresh ? new byte[capacity] : buffer;
    System.arraycopy(buffer, start, target, 0, have);
    shared &= !fresh;
    buffer = target;
    start = 0;
    end = have;
  }
}
