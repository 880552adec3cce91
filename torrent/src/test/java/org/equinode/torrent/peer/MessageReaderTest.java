package org.equinode.torrent.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.common.Hex;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.peer.PeerMessage.Extended;
import org.equinode.torrent.peer.PeerMessage.Piece;
import org.junit.jupiter.api.Test;

class MessageReaderTest {
  /** A stream that hands out at most a random number of bytes per read, like a socket. */
  private static final class Trickle extends InputStream {
    private final byte[] bytes;
    private final RandomGenerator random;
    private final int maxChunk;
    private int position;

    Trickle(byte[] bytes, RandomGenerator random, int maxChunk) {
      this.bytes = bytes;
      this.random = random;
      this.maxChunk = maxChunk;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position == bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, bytes.length - position), 1 + random.nextInt(maxChunk));
      System.arraycopy(bytes, position, b, off, n);
      position += n;
      return n;
    }
  }

  private static List<PeerMessage> readAll(MessageReader reader, int count) throws IOException {
    List<PeerMessage> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(reader.read());
    }
    return out;
  }

  @Test
  void readsMessagesWhateverTheChunksAndKeepsBlocksIntact() throws IOException {
    RandomGenerator random = SeededRandom.of(42);
    List<PeerMessage> sent = new ArrayList<>(Samples.random(random, 2_000));
    sent.addAll(Samples.oneOfEach());
    byte[] stream = Samples.encodeAll(sent);
    for (int maxChunk : new int[] {1, 7, 1000, 100_000}) {
      MessageReader reader =
          new MessageReader(new Trickle(stream, random, maxChunk), Samples.DECODER);
      // Blocks are compared only after everything was read: earlier views must stay valid.
      assertThat(readAll(reader, sent.size())).isEqualTo(sent);
      assertThat(reader.bytesRead()).isEqualTo(stream.length);
      assertThatThrownBy(reader::read)
          .isInstanceOf(EOFException.class)
          .hasMessage("the peer closed the connection");
    }
  }

  @Test
  void readsMessagesWhateverTheChunksWhenBlocksAreNotKept() throws IOException {
    RandomGenerator random = SeededRandom.of(43);
    List<PeerMessage> sent = new ArrayList<>(Samples.random(random, 2_000));
    sent.addAll(Samples.oneOfEach());
    for (int i = 0; i < 200; i++) {
      byte[] block = new byte[16 * 1024];
      random.nextBytes(block);
      sent.add(random.nextInt(sent.size()), new Piece(i % 100, 0, ByteBuffer.wrap(block)));
    }
    byte[] stream = Samples.encodeAll(sent);
    for (int maxChunk : new int[] {1, 7, 1000, 100_000, 1_000_000}) {
      MessageReader reader =
          new MessageReader(new Trickle(stream, random, maxChunk), Samples.DECODER, false);
      for (PeerMessage expected : sent) {
        assertThat(reader.read()).isEqualTo(expected); // a block is valid until the next read
      }
      assertThat(reader.bytesRead()).isEqualTo(stream.length);
      assertThatThrownBy(reader::read)
          .isInstanceOf(EOFException.class)
          .hasMessage("the peer closed the connection");
    }
  }

  @Test
  void readsTheHandshakeThenMessagesFromTheSameBuffer() throws IOException {
    Handshake handshake =
        new Handshake(
            ReservedBits.ours(false),
            org.equinode.torrent.metainfo.InfoHash.ofInfoBytes(new byte[] {1}),
            PeerId.random(SeededRandom.of(3)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(handshake.encode());
    out.write(PeerMessage.encode(new PeerMessage.HaveAll()));
    MessageReader reader =
        new MessageReader(new ByteArrayInputStream(out.toByteArray()), Samples.DECODER);
    assertThat(Handshake.decodeHeader(reader.readBytes(Handshake.HEADER_LENGTH)))
        .isEqualTo(handshake.header());
    assertThat(PeerId.of(reader.readBytes(PeerId.LENGTH))).isEqualTo(handshake.peerId());
    assertThat(reader.read()).isEqualTo(new PeerMessage.HaveAll());
  }

  @Test
  void readsMessagesLongerThanItsBuffer() throws IOException {
    byte[] payload = new byte[Extended.MAX_PAYLOAD_LENGTH];
    SeededRandom.of(5).nextBytes(payload);
    Extended big = new Extended(1, payload);
    byte[] stream = Samples.encodeAll(List.of(big, new PeerMessage.Unchoke(), big));
    MessageReader reader =
        new MessageReader(new Trickle(stream, SeededRandom.of(6), 5000), Samples.DECODER);
    assertThat(readAll(reader, 3)).containsExactly(big, new PeerMessage.Unchoke(), big);
  }

  @Test
  void tellsAPeerThatHungUpInsideAMessage() {
    byte[] cut = Arrays.copyOf(PeerMessage.encode(new PeerMessage.Have(1)), 6);
    MessageReader reader = new MessageReader(new ByteArrayInputStream(cut), Samples.DECODER);
    assertThatThrownBy(reader::read)
        .isInstanceOf(EOFException.class)
        .hasMessage("the peer closed the connection inside a message (6 bytes)");
  }

  @Test
  void refusesAnOversizeMessageFromItsPrefixAlone() {
    // Only the prefix is sent, and the stream stays open: the refusal cannot wait for the rest.
    InputStream prefixThenHang =
        new InputStream() {
          private int position;
          private final byte[] prefix = Hex.decode("7fffffff");

          @Override
          public int read() throws IOException {
            if (position < prefix.length) {
              return prefix[position++] & 0xff;
            }
            throw new IOException("the test would hang here");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
              return 0;
            }
            b[off] = (byte) read();
            return 1;
          }
        };
    MessageReader reader = new MessageReader(prefixThenHang, Samples.DECODER);
    assertThatThrownBy(reader::read)
        .isInstanceOfSatisfying(
            PeerWireException.class,
            e -> assertThat(e.reason()).isEqualTo(CloseReason.MESSAGE_TOO_LARGE));
  }

  @Test
  void appliesANewDecoderFromTheNextMessage() throws IOException {
    byte[] stream =
        Samples.encodeAll(List.of(new PeerMessage.Have(500), new PeerMessage.Have(500)));
    MessageReader reader =
        new MessageReader(new ByteArrayInputStream(stream), MessageDecoder.initial());
    assertThat(reader.read()).isEqualTo(new PeerMessage.Have(500));
    reader.decoder(reader.decoder().withPieceCount(100));
    assertThatThrownBy(reader::read).hasMessage("have for piece 500 of 100");
  }

  @Test
  void writerBatchesAndReaderReadsBack() throws IOException {
    RandomGenerator random = SeededRandom.of(9);
    List<PeerMessage> sent = new ArrayList<>(Samples.random(random, 3_000));
    sent.add(new Extended(2, new byte[Extended.MAX_PAYLOAD_LENGTH]));
    sent.add(new Piece(1, 0, ByteBuffer.wrap(new byte[PeerMessage.MAX_BLOCK_LENGTH])));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MessageWriter writer = new MessageWriter(out);
    for (PeerMessage message : sent) {
      writer.write(message);
    }
    assertThat(out.size()).isLessThanOrEqualTo(Samples.encodeAll(sent).length);
    writer.flush();
    assertThat(out.toByteArray()).isEqualTo(Samples.encodeAll(sent));
    assertThat(writer.bytesWritten()).isEqualTo(out.size());
    MessageReader reader =
        new MessageReader(new ByteArrayInputStream(out.toByteArray()), Samples.DECODER);
    assertThat(readAll(reader, sent.size())).isEqualTo(sent);
  }
}
