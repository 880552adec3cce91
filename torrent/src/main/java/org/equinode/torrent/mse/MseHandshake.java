package org.equinode.torrent.mse;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * The five steps of an MSE handshake, for the side that connects ({@link #initiate}) and the side
 * that accepts ({@link #accept}). Both block on their streams; the caller bounds them with a socket
 * timeout. The byte layout:
 *
 * <pre>
 * 1 A→B  Ya, PadA
 * 2 B→A  Yb, PadB
 * 3 A→B  HASH("req1", S), HASH("req2", SKEY) xor HASH("req3", S),
 *        ENCRYPT(VC, crypto_provide, len(PadC), PadC, len(IA)), ENCRYPT(IA)
 * 4 B→A  ENCRYPT(VC, crypto_select, len(PadD), PadD), then the payload
 * 5 A→B  the payload
 * </pre>
 *
 * S is the Diffie-Hellman secret, SKEY the info-hash, VC eight zero bytes, HASH SHA-1; ENCRYPT is
 * RC4 keyed with HASH("keyA", S, SKEY) from A and HASH("keyB", S, SKEY) from B, each with its first
 * 1024 bytes discarded. Each side finds where the other's random padding ends by scanning for a
 * value it can predict (A for the encrypted VC, B for HASH("req1", S)).
 */
public final class MseHandshake {
  /** The longest random padding either side sends or accepts. */
  public static final int MAX_PAD_LENGTH = 512;

  /** The longest initial payload accepted inside step 3. */
  public static final int MAX_INITIAL_PAYLOAD_LENGTH = 4096;

  private static final int VC_LENGTH = 8;
  private static final int HASH_LENGTH = 20;
  private static final byte[] PLAIN_PROTOCOL =
      "\u0013BitTorrent protocol".getBytes(StandardCharsets.ISO_8859_1);

  private MseHandshake() {}

  /** {@code HASH("req2", infoHash)}: how an initiator names its torrent without revealing it. */
  public static byte[] obfuscatedInfoHash(InfoHash infoHash) {
    return MseKeys.hash("req2", infoHash.toByteArray());
  }

  /**
   * For an accepting side: true when the connection starts with a plain BitTorrent handshake rather
   * than MSE. Peeks at the first 20 bytes and pushes them back.
   *
   * @param in a stream that can push back at least 20 bytes
   */
  public static boolean startsWithPlainHandshake(PushbackInputStream in) throws IOException {
    byte[] first = in.readNBytes(PLAIN_PROTOCOL.length);
    in.unread(first);
    return Arrays.equals(first, PLAIN_PROTOCOL);
  }

  /**
   * Runs the handshake as the side that connected.
   *
   * @param initialPayload sent encrypted inside step 3 (usually our BitTorrent handshake)
   * @param offered the payload protections we accept; the peer picks one
   * @throws MseException when the peer breaks the protocol or picks something not offered
   * @throws IOException when the connection fails, or closes (as a peer that refuses MSE does)
   */
  public static MseStreams initiate(
      InputStream rawIn,
      OutputStream out,
      InfoHash infoHash,
      byte[] initialPayload,
      Set<CryptoMethod> offered,
      SecureRandom random)
      throws IOException {
    requireSome(offered);
    if (initialPayload.length > MAX_INITIAL_PAYLOAD_LENGTH) {
      throw new IllegalArgumentException("initial payload of " + initialPayload.length + " bytes");
    }
    InputStream in = rawIn;
    MseKeys keys = new MseKeys(random);
    out.write(keys.publicKey());
    out.write(padding(random));
    out.flush();

    byte[] secret = keys.sharedSecret(readFully(in, MseKeys.PUBLIC_KEY_LENGTH, "the peer's key"));
    byte[] skey = infoHash.toByteArray();
    Rc4 encrypt = MseKeys.cipher("keyA", secret, skey);
    Rc4 decrypt = MseKeys.cipher("keyB", secret, skey);

    ByteWriter step3 = ByteWriter.unbounded();
    step3.writeBytes(MseKeys.hash("req1", secret));
    step3.writeBytes(xor(MseKeys.hash("req2", skey), MseKeys.hash("req3", secret)));
    byte[] sealed =
        ByteWriter.unbounded()
            .writeBytes(new byte[VC_LENGTH])
            .writeInt32BE(bits(offered))
            .writeU16BE(0) // no PadC
            .writeU16BE(initialPayload.length)
            .writeBytes(initialPayload)
            .toByteArray();
    encrypt.apply(sealed, 0, sealed.length);
    out.write(step3.writeBytes(sealed).toByteArray());
    out.flush();

    // B's encrypted VC is the first 8 bytes of its keystream: predictable, so findable after PadB.
    byte[] expectedVc = new byte[VC_LENGTH];
    MseKeys.cipher("keyB", secret, skey).apply(expectedVc, 0, VC_LENGTH);
    scanFor(in, expectedVc, MAX_PAD_LENGTH, "the encrypted verification constant");
    decrypt.apply(new byte[VC_LENGTH], 0, VC_LENGTH);

    byte[] step4 = readFully(in, 4 + 2, "the crypto selection");
    decrypt.apply(step4, 0, step4.length);
    ByteReader reader = ByteReader.of(step4);
    int select = reader.readInt32BE();
    CryptoMethod method =
        single(select)
            .filter(offered::contains)
            .orElseThrow(
                () ->
                    new MseException(
                        "the peer selected crypto " + select + ", not one of " + offered));
    int padLength = reader.readU16BE();
    if (padLength > MAX_PAD_LENGTH) {
      throw new MseException("the peer's PadD is " + padLength + " bytes");
    }
    byte[] pad = readFully(in, padLength, "PadD");
    decrypt.apply(pad, 0, pad.length);
    return method == CryptoMethod.RC4
        ? new MseStreams(
            new Rc4InputStream(in, decrypt),
            new Rc4OutputStream(out, encrypt),
            method,
            infoHash,
            new byte[0])
        : new MseStreams(in, out, method, infoHash, new byte[0]);
  }

  /**
   * Runs the handshake as the side that accepted the connection, after {@link
   * #startsWithPlainHandshake} said it is not a plain one.
   *
   * @param torrents finds the torrent whose {@link #obfuscatedInfoHash} the initiator sent
   * @param accepted the payload protections we accept
   * @param preferRc4 when the peer offers both, keep encrypting (otherwise save the CPU, as
   *     libtorrent does by default)
   * @throws MseException when the peer breaks the protocol or names a torrent we do not serve
   */
  public static MseStreams accept(
      InputStream in,
      OutputStream out,
      Function<byte[], Optional<InfoHash>> torrents,
      Set<CryptoMethod> accepted,
      boolean preferRc4,
      SecureRandom random)
      throws IOException {
    requireSome(accepted);
    byte[] peerKey = readFully(in, MseKeys.PUBLIC_KEY_LENGTH, "the peer's key");
    MseKeys keys = new MseKeys(random);
    out.write(keys.publicKey());
    out.write(padding(random));
    out.flush();
    byte[] secret = keys.sharedSecret(peerKey);

    scanFor(in, MseKeys.hash("req1", secret), MAX_PAD_LENGTH, "the handshake hash");
    byte[] named =
        xor(readFully(in, HASH_LENGTH, "the torrent's hash"), MseKeys.hash("req3", secret));
    InfoHash infoHash =
        torrents
            .apply(named)
            .orElseThrow(() -> new MseException("the peer asked for a torrent we do not serve"));
    byte[] skey = infoHash.toByteArray();
    Rc4 decrypt = MseKeys.cipher("keyA", secret, skey);
    Rc4 encrypt = MseKeys.cipher("keyB", secret, skey);

    byte[] head = readFully(in, VC_LENGTH + 4 + 2, "the crypto offer");
    decrypt.apply(head, 0, head.length);
    ByteReader reader = ByteReader.of(head);
    if (!Arrays.equals(reader.readBytes(VC_LENGTH), new byte[VC_LENGTH])) {
      throw new MseException("the verification constant does not decrypt to zeros");
    }
    int provide = reader.readInt32BE();
    int padLength = reader.readU16BE();
    if (padLength > MAX_PAD_LENGTH) {
      throw new MseException("the peer's PadC is " + padLength + " bytes");
    }
    byte[] padAndLength = readFully(in, padLength + 2, "PadC");
    decrypt.apply(padAndLength, 0, padAndLength.length);
    int payloadLength = ByteReader.of(padAndLength, padLength, 2).readU16BE();
    if (payloadLength > MAX_INITIAL_PAYLOAD_LENGTH) {
      throw new MseException("the peer's initial payload is " + payloadLength + " bytes");
    }
    byte[] payload = readFully(in, payloadLength, "the initial payload");
    decrypt.apply(payload, 0, payload.length);

    Set<CryptoMethod> both = EnumSet.noneOf(CryptoMethod.class);
    for (CryptoMethod method : accepted) {
      if ((provide & method.bit()) != 0) {
        both.add(method);
      }
    }
    if (both.isEmpty()) {
      throw new MseException("the peer offers crypto " + provide + ", none of " + accepted);
    }
    CryptoMethod method =
        both.contains(CryptoMethod.RC4) && (preferRc4 || !both.contains(CryptoMethod.PLAINTEXT))
            ? CryptoMethod.RC4
            : CryptoMethod.PLAINTEXT;
    byte[] step4 =
        ByteWriter.unbounded()
            .writeBytes(new byte[VC_LENGTH])
            .writeInt32BE(method.bit())
            .writeU16BE(0) // no PadD
            .toByteArray();
    encrypt.apply(step4, 0, step4.length);
    out.write(step4);
    out.flush();
    return method == CryptoMethod.RC4
        ? new MseStreams(
            new Rc4InputStream(in, decrypt),
            new Rc4OutputStream(out, encrypt),
            method,
            infoHash,
            payload)
        : new MseStreams(in, out, method, infoHash, payload);
  }

  /** Reads until the last bytes read equal {@code marker}, at most {@code maxSkip} bytes before. */
  private static void scanFor(InputStream in, byte[] marker, int maxSkip, String what)
      throws IOException {
    byte[] window = readFully(in, marker.length, what);
    for (int skipped = 0; !Arrays.equals(window, marker); skipped++) {
      if (skipped == maxSkip) {
        throw new MseException(what + " is not within " + maxSkip + " bytes of padding");
      }
      int next = in.read();
      if (next < 0) {
        throw new EOFException("the peer closed the connection before " + what);
      }
      System.arraycopy(window, 1, window, 0, window.length - 1);
      window[window.length - 1] = (byte) next;
    }
  }

  private static byte[] readFully(InputStream in, int length, String what) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException("the peer closed the connection during " + what);
    }
    return bytes;
  }

  private static byte[] padding(SecureRandom random) {
    byte[] pad = new byte[random.nextInt(MAX_PAD_LENGTH + 1)];
    random.nextBytes(pad);
    return pad;
  }

  private static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  private static int bits(Set<CryptoMethod> methods) {
    int bits = 0;
    for (CryptoMethod method : methods) {
      bits |= method.bit();
    }
    return bits;
  }

  private static Optional<CryptoMethod> single(int bits) {
    for (CryptoMethod method : CryptoMethod.values()) {
      if (bits == method.bit()) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }

  private static void requireSome(Set<CryptoMethod> methods) {
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("no crypto method allowed");
    }
  }
}
