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
