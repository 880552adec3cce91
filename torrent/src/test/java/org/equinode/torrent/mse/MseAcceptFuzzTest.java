package org.equinode.torrent.mse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hex;
import org.equinode.testing.AllocationBound;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * Jazzer harness for the accepting side of an MSE handshake ({@link MseHandshake#accept}), which
 * any inbound connection reaches; regression inputs in {@code MseAcceptFuzzTestInputs/accept}.
 *
 * <p>Random bytes never get past the Diffie-Hellman exchange, so the harness plays an initiator
 * with fixed keys (both sides' randomness is seeded, so the shared secret is known) and lets the
 * fuzzer write the rest: the first input byte is the length of PadA, the next bytes PadA, then
 * comes the initiator's handshake hash and torrent name, and the remaining input is the plaintext
 * that the harness encrypts with the initiator's RC4 key (VC, crypto_provide, len(PadC), PadC,
 * len(IA), IA). So every input gets past the key exchange and the handshake hash, and the fuzzer
 * spends its time on the padding scan and the encrypted fields the acceptor checks.
 *
 * <p>Only an {@link MseException} or the end of the stream may escape, the handshake stays within
 * {@link AllocationBound}'s budget, and one that succeeds selected a method the plaintext offered,
 * delivered at most {@link MseHandshake#MAX_INITIAL_PAYLOAD_LENGTH} bytes of initial payload and
 * wrote no more than a key, the longest padding and step 4. How the build fuzzes it: {@code
 * docs/fuzzing.md}.
 */
class MseAcceptFuzzTest {
  private static final InfoHash TORRENT =
      InfoHash.of(Hex.decode("0123456789abcdef0123456789abcdef01234567"));
  private static final long ACCEPTOR_SEED = 2;
  private static final MseKeys INITIATOR = new MseKeys(seeded(1));
  private static final byte[] SECRET =
      INITIATOR.sharedSecret(new MseKeys(seeded(ACCEPTOR_SEED)).publicKey());
  private static final int MOST_WRITTEN =
      MseKeys.PUBLIC_KEY_LENGTH + MseHandshake.MAX_PAD_LENGTH + 14;

  @FuzzTest
  void accept(byte[] input) {
    byte[] stream = initiatorBytes(input);
    Optional<Accepted> accepted = AllocationBound.check(stream, () -> run(stream));
    if (accepted.isEmpty()) {
      return;
    }
    MseStreams streams = accepted.get().streams();
    assertThat(streams.infoHash()).isEqualTo(TORRENT);
    assertThat(streams.initialPayload().length)
        .isLessThanOrEqualTo(MseHandshake.MAX_INITIAL_PAYLOAD_LENGTH);
    assertThat(accepted.get().written()).isLessThanOrEqualTo(MOST_WRITTEN);
  }

  /** A handshake the acceptor completed, and how many bytes it wrote to the initiator. */
  private record Accepted(MseStreams streams, int written) {}

  private static Optional<Accepted> run(byte[] stream) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MseStreams streams =
          MseHandshake.accept(
              new ByteArrayInputStream(stream),
              out,
              named ->
                  Arrays.equals(named, MseHandshake.obfuscatedInfoHash(TORRENT))
                      ? Optional.of(TORRENT)
                      : Optional.empty(),
              EnumSet.allOf(CryptoMethod.class),
              false,
              seeded(ACCEPTOR_SEED));
      return Optional.of(new Accepted(streams, out.size()));
    } catch (MseException | EOFException refused) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ya, PadA from the input, the two hashes, then the rest of the input encrypted with keyA. */
  private static byte[] initiatorBytes(byte[] input) {
    int padLength = input.length == 0 ? 0 : Math.min(input[0] & 0xff, input.length - 1);
    byte[] pad = Arrays.copyOfRange(input, Math.min(1, input.length), 1 + padLength);
    byte[] sealed = Arrays.copyOfRange(input, Math.min(1 + padLength, input.length), input.length);
    MseKeys.cipher("keyA", SECRET, TORRENT.toByteArray()).apply(sealed, 0, sealed.length);
    byte[] named = MseHandshake.obfuscatedInfoHash(TORRENT);
    byte[] mask = MseKeys.hash("req3", SECRET);
    for (int i = 0; i < named.length; i++) {
      named[i] ^= mask[i];
    }
    return ByteWriter.unbounded()
        .writeBytes(INITIATOR.publicKey())
        .writeBytes(pad)
        .writeBytes(MseKeys.hash("req1", SECRET))
        .writeBytes(named)
        .writeBytes(sealed)
        .toByteArray();
  }

  /** The same bytes every time: both sides' keys, and so the shared secret, are fixed. */
  private static SecureRandom seeded(long seed) {
    RandomGenerator random = SeededRandom.of(seed);
    return new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
      }
    };
  }
}
