package org.equinode.torrent.bencode;

/**
 * Entry points for bencoding (BEP 3). Decoding is strict: only the canonical encoding of one value
 * is accepted, so that {@code encode(decode(bytes))} gives back {@code bytes} exactly.
 */
public final class Bencode {
  /** The deepest nesting of lists and dictionaries accepted; a torrent file needs about five. */
  public static final int MAX_DEPTH = 64;

  /**
   * The most values (integers, strings, lists, dictionaries, keys not counted) in one input. A
   * value takes at least two input bytes but far more memory once decoded; this caps the blow-up.
   */
  public static final int MAX_VALUES = 2_000_000;

  private Bencode() {}

  /**
   * Decodes exactly one value filling the whole input.
   *
   * @throws BencodeException if the bytes are not the canonical encoding of one value
   */
  public static BValue decode(byte[] input) {
    return new BencodeReader(input, KeyOrder.STRICT).readAll();
  }

  /**
   * Decodes exactly one value filling the whole input, checking dictionary keys as {@code keyOrder}
   * says; everything else stays canonical.
   *
   * @throws BencodeException if the bytes are not one value encoded as {@code keyOrder} allows
   */
  public static BValue decode(byte[] input, KeyOrder keyOrder) {
    return new BencodeReader(input, keyOrder).readAll();
  }

  /**
   * Decodes the one value at the start of the input and says where it ended; the bytes after it are
   * not looked at. For formats that append raw bytes to a bencoded header (BEP 9 data messages).
   *
   * @throws BencodeException if the input does not start with a value encoded as {@code keyOrder}
   *     allows
   */
  public static DecodedPrefix decodePrefix(byte[] input, KeyOrder keyOrder) {
    BencodeReader reader = new BencodeReader(input, keyOrder);
    BValue value = reader.readFirst();
    return new DecodedPrefix(value, reader.position());
  }

  /**
   * Decodes one dictionary filling the whole input and records where each of its values lay.
   *
   * @throws BencodeException if the bytes are not one dictionary encoded as {@code keyOrder} allows
   */
  public static TopLevelDict decodeDict(byte[] input, KeyOrder keyOrder) {
    if (input.length > 0 && input[0] != 'd') {
      throw new BencodeException("expected a dictionary", 0);
    }
    BencodeReader reader = new BencodeReader(input, keyOrder);
    if (!(reader.readAll() instanceof BDict dict)) {
      throw new BencodeException("expected a dictionary", 0);
    }
    return new TopLevelDict(dict, reader.topLevelSpans());
  }

  /** The canonical encoding of {@code value}. */
  public static byte[] encode(BValue value) {
    return new BencodeWriter().write(value);
  }
}
