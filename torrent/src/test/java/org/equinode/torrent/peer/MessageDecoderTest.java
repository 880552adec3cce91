package org.equinode.torrent.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.common.Hex;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.InvalidBitfieldException;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.peer.PeerMessage.Bitfield;
import org.equinode.torrent.peer.PeerMessage.Have;
import org.equinode.torrent.peer.PeerMessage.Piece;
import org.junit.jupiter.api.Test;

class MessageDecoderTest {
  private static final MessageDecoder DECODER = Samples.DECODER;

  private static PeerMessage decodeWhole(MessageDecoder decoder, byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Optional<PeerMessage> message = decoder.decode(in);
    assertThat(message).isPresent();
    assertThat(in.hasRemaining()).isFalse();
    return message.orElseThrow();
  }

  private static void assertRefused(
      MessageDecoder decoder, String hex, CloseReason reason, String message) {
    assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(Hex.decode(hex))))
        .isInstanceOfSatisfying(
            PeerWireException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage(message);
  }

  @Test
  void everyKindRoundTrips() {
    for (PeerMessage message : Samples.oneOfEach()) {
      byte[] bytes = PeerMessage.encode(message);
      assertThat(bytes).hasSize(MessageDecoder.LENGTH_PREFIX + message.length());
      assertThat(decodeWhole(DECODER, bytes)).as("%s", message).isEqualTo(message);
    }
  }

  @Test
  void writesTheBytesTheBepsDescribe() {
    assertThat(Hex.encode(PeerMessage.encode(new PeerMessage.KeepAlive()))).isEqualTo("00000000");
    assertThat(Hex.encode(PeerMessage.encode(new PeerMessage.Choke()))).isEqualTo("0000000100");
    assertThat(Hex.encode(PeerMessage.encode(new Have(0x2a)))).isEqualTo("00000005040000002a");
    assertThat(Hex.encode(PeerMessage.encode(PeerMessage.Request.of(1, 0x4000, 0x4000))))
        .isEqualTo("0000000d06000000010000400000004000");
    assertThat(Hex.encode(PeerMessage.encode(new PeerMessage.Port(6881))))
        .isEqualTo("00000003091ae1");
    assertThat(Hex.encode(PeerMessage.encode(new PeerMessage.HaveAll()))).isEqualTo("000000010e");
    assertThat(Hex.encode(PeerMessage.encode(new PeerMessage.HaveNone()))).isEqualTo("000000010f");
    assertThat(Hex.encode(PeerMessage.encode(new PeerMessage.AllowedFast(5))))
        .isEqualTo("000000051100000005");
    assertThat(Hex.encode(PeerMessage.encode(new PeerMessage.Extended(3, new byte[] {1, 2}))))
        .isEqualTo("0000000414030102");
    // Piece 0 is the high bit of the first byte.
    java.util.BitSet bits = new java.util.BitSet();
    bits.set(0);
    bits.set(9);
    assertThat(Hex.encode(PeerMessage.encode(new Bitfield(PieceSet.of(10, bits)))))
        .isEqualTo("00000003058040");
  }

  @Test
  void everyPrefixOfAMessageIsIncompleteNotMalformed() {
    for (PeerMessage message : Samples.oneOfEach()) {
      byte[] bytes = PeerMessage.encode(message);
      for (int cut = 0; cut < bytes.length; cut++) {
        ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(bytes, cut));
        assertThat(DECODER.decode(in)).as("%s cut at %d", message, cut).isEmpty();
        assertThat(in.position()).isZero();
      }
    }
  }

  @Test
  void refusesAnOversizeLengthBeforeThePayloadArrives() {
    assertRefused(
        DECODER,
        "ffffffff",
        CloseReason.MESSAGE_TOO_LARGE,
        "message length 4294967295 is above the limit " + DECODER.maxLength());
    // A piece message longer than one 16 KiB block is refused from its first five bytes.
    assertRefused(
        DECODER,
        "0000400a07",
        CloseReason.MESSAGE_TOO_LARGE,
        "message id 7 has length 16394, above the limit 16393");
    assertRefused(
        DECODER,
        "0004000314",
        CloseReason.MESSAGE_TOO_LARGE,
        "message length 262147 is above the limit 262146");
    assertThat(DECODER.frameLength(ByteBuffer.wrap(Hex.decode("00004009")))).hasValue(4 + 0x4009);
  }

  @Test
  void refusesWrongLengthsAndUnknownIds() {
    assertRefused(
        DECODER,
        "000000020000",
        CloseReason.MALFORMED_MESSAGE,
        "message id 0 has length 2, expected 1");
    assertRefused(
        DECODER,
        "0000000404000000",
        CloseReason.MALFORMED_MESSAGE,
        "message id 4 has length 4," + " expected 5");
    assertRefused(
        DECODER,
        "0000000109",
        CloseReason.MALFORMED_MESSAGE,
        "message id 9 has length 1, expected 3");
    assertRefused(
        DECODER,
        "000000090700000000" + "00000000",
        CloseReason.MALFORMED_MESSAGE,
        "message id 7 has length 9, at least 10 expected");
    assertRefused(
        DECODER,
        "0000000114",
        CloseReason.MALFORMED_MESSAGE,
        "message id 20 has length 1," + " at least 2 expected");
    assertRefused(DECODER, "0000000115", CloseReason.MALFORMED_MESSAGE, "unknown message id 21");
    assertRefused(DECODER, "00000001ff", CloseReason.MALFORMED_MESSAGE, "unknown message id 255");
  }

  @Test
  void refusesFastMessagesUnlessNegotiated() {
    MessageDecoder plain = MessageDecoder.initial();
    assertRefused(
        plain,
        "000000010e",
        CloseReason.PROTOCOL_VIOLATION,
        "message id 14 of the fast extension, which was not negotiated");
    assertRefused(
        plain,
        "0000000d10000000010000000000004000",
        CloseReason.PROTOCOL_VIOLATION,
        "message id 16 of the fast extension, which was not negotiated");
  }

  @Test
  void checksPieceIndicesAgainstThePieceCount() {
    assertRefused(
        DECODER, "000000050400000064", CloseReason.MALFORMED_MESSAGE, "have for piece 100 of 100");
    assertRefused(
        DECODER,
        "0000000504ffffffff",
        CloseReason.MALFORMED_MESSAGE,
        "have for piece 4294967295 of 100");
    assertRefused(
        DECODER,
        "000000051100000064",
        CloseReason.MALFORMED_MESSAGE,
        "allowed_fast for piece 100 of 100");
    // Before the piece count is known, any index below 2^31 passes.
    assertThat(decodeWhole(MessageDecoder.initial(), Hex.decode("000000050400000064")))
        .isEqualTo(new Have(100));
  }

  @Test
  void checksBlocks() {
    assertRefused(
        DECODER,
        "0000000d06000000010000000000004001",
        CloseReason.MALFORMED_MESSAGE,
        "request: block length 16385 is outside 1..16384");
    assertRefused(
        DECODER,
        "0000000d06000000010000000000000000",
        CloseReason.MALFORMED_MESSAGE,
        "request: block length 0 is outside 1..16384");
    assertRefused(
        DECODER,
        "0000000d08000000018000000000004000",
        CloseReason.MALFORMED_MESSAGE,
        "cancel: block offset 2147483648 is above 2147483647");
    assertRefused(
        DECODER,
        "0000000d0600000001" + "03ffc001" + "00004000",
        CloseReason.MALFORMED_MESSAGE,
        "request: block 67092481+16384 ends past the largest piece length");
  }

  @Test
  void bitfieldMustFitThePieceCountExactly() {
    // 100 pieces take 13 bytes; the last 4 bits are spare.
    assertRefused(
        DECODER,
        "0000000d05" + "00".repeat(12),
        CloseReason.MALFORMED_MESSAGE,
        "bitfield message of length 13 for 100 pieces, expected 14");
    assertRefused(
        DECODER,
        "0000000f05" + "00".repeat(14),
        CloseReason.MESSAGE_TOO_LARGE,
        "message id 5 has length 15, above the limit 14");
    assertRefused(
        DECODER,
        "0000000e05" + "00".repeat(12) + "08",
        CloseReason.MALFORMED_MESSAGE,
        "spare bit 100 set in a bitfield of 100 pieces");
    PieceSet full =
        ((Bitfield) decodeWhole(DECODER, Hex.decode("0000000e05" + "ff".repeat(12) + "f0")))
            .pieces();
    assertThat(full.isFull()).isTrue();
    assertThat(full.size()).isEqualTo(100);
  }

  @Test
  void takesABitfieldBeforeThePieceCountIsKnownAndFitsItLater() {
    Bitfield early = (Bitfield) decodeWhole(MessageDecoder.initial(), Hex.decode("0000000305ffc0"));
    assertThat(early.pieces().size()).isEqualTo(16);
    assertThat(early.pieces().fitTo(10).count()).isEqualTo(10);
    assertThatThrownBy(() -> early.pieces().fitTo(9))
        .isInstanceOf(InvalidBitfieldException.class)
        .hasMessage("spare bit 9 set in a bitfield of 9 pieces");
    assertThatThrownBy(() -> early.pieces().fitTo(17))
        .isInstanceOf(InvalidBitfieldException.class)
        .hasMessage("a bitfield of 17 pieces is 3 bytes, got 2");
  }

  @Test
  void refusesAnEmptyBitfieldBeforeThePieceCountIsKnown() {
    // No torrent has 0 pieces (BEP 3), so a bitfield of no bytes can fit none.
    assertRefused(
        MessageDecoder.initial(), "0000000105", CloseReason.MALFORMED_MESSAGE, "empty bitfield");
  }

  @Test
  void aPieceBlockIsAViewOfTheInputNotACopy() {
    byte[] bytes = PeerMessage.encode(new Piece(1, 0, ByteBuffer.wrap(new byte[] {1, 2, 3})));
    Piece piece = (Piece) decodeWhole(DECODER, bytes);
    bytes[bytes.length - 1] = 9;
    assertThat(piece.data().get(2)).isEqualTo((byte) 9);
    assertThat(piece.data().isReadOnly()).isTrue();
    assertThat(piece.block()).isEqualTo(new BlockRequest(1, 0, 3));
  }

  @Test
  void decodesAStreamCutAnywhere() {
    RandomGenerator random = SeededRandom.of(0xdec0deL);
    List<PeerMessage> sent = Samples.random(random, 500);
    byte[] stream = Samples.encodeAll(sent);
    List<PeerMessage> received = new ArrayList<>();
    ByteBuffer pending = ByteBuffer.allocate(stream.length);
    pending.flip();
    int offset = 0;
    while (offset < stream.length) {
      int chunk = Math.min(stream.length - offset, 1 + random.nextInt(200));
      pending.compact().put(stream, offset, chunk).flip();
      offset += chunk;
      for (Optional<PeerMessage> m = DECODER.decode(pending);
          m.isPresent();
          m = DECODER.decode(pending)) {
        // Copy piece blocks out: compact() reuses the buffer.
        received.add(
            m.get() instanceof Piece p ? new Piece(p.piece(), p.begin(), copy(p)) : m.get());
      }
    }
    assertThat(received).isEqualTo(sent);
  }

  private static ByteBuffer copy(Piece piece) {
    ByteBuffer data = piece.data();
    byte[] out = new byte[data.remaining()];
    data.get(out);
    return ByteBuffer.wrap(out);
  }

  @Test
  void mutatedStreamsDecodeToTheirOwnBytesOrFailWithAReason() {
    RandomGenerator random = SeededRandom.of(0x5eedL);
    for (int i = 0; i < 5_000; i++) {
      byte[] valid = Samples.encodeAll(Samples.random(random, 1 + random.nextInt(4)));
      byte[] mutated = Mutations.mutate(valid, random);
      MessageDecoder decoder = random.nextBoolean() ? DECODER : MessageDecoder.initial();
      ByteBuffer in = ByteBuffer.wrap(mutated);
      try {
        while (true) {
          int start = in.position();
          Optional<PeerMessage> message = decoder.decode(in);
          if (message.isEmpty()) {
            assertThat(in.position()).isEqualTo(start);
            break;
          }
          byte[] consumed = Arrays.copyOfRange(mutated, start, in.position());
          assertThat(PeerMessage.encode(message.get())).as("case %d", i).isEqualTo(consumed);
        }
      } catch (PeerWireException e) {
        assertThat(e.reason()).isNotNull();
      }
    }
  }
}
