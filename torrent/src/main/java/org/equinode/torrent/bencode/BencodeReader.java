package org.equinode.torrent.bencode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one complete bencoded value from a byte array, accepting only the canonical encoding: no
 * leading zeros, no negative zero, integers within {@code long}, dictionary keys strictly
 * ascending, nothing after the value. Every length is checked against the bytes left before
 * anything is allocated. Not thread-safe; one reader per input.
 */
final class BencodeReader {
  private final byte[] in;
  private final KeyOrder keyOrder;
  private final Map<BBytes, ByteSpan> topLevelSpans = new HashMap<>();
  private int pos;
  private int valueCount;

  BencodeReader(byte[] in, KeyOrder keyOrder) {
    this.in = in;
    this.keyOrder = keyOrder;
  }

  /** Reads the whole input as one value. */
  BValue readAll() {
    BValue value = readValue(0);
    if (pos != in.length) {
      throw new BencodeException(
          "trailing bytes after the value (" + (in.length - pos) + " more)", pos);
    }
    return value;
  }

  /** Reads one value from the start of the input; bytes after it are left for the caller. */
  BValue readFirst() {
    return readValue(0);
  }

  /** The number of bytes read so far. */
  int position() {
    return pos;
  }

  /** Where each value of the outermost dictionary lay; empty unless the input is a dictionary. */
  Map<BBytes, ByteSpan> topLevelSpans() {
    return topLevelSpans;
  }

  private BValue readValue(int depth) {
    if (++valueCount > Bencode.MAX_VALUES) {
      throw new BencodeException("more than " + Bencode.MAX_VALUES + " values", pos);
    }
    int b = peek();
    return switch (b) {
      case 'i' -> readInteger();
      case 'l' -> readList(depth + 1);
      case 'd' -> readDict(depth + 1);
      default -> {
        if (b >= '0' && b <= '9') {
          yield readBytes();
        }
        throw new BencodeException("unexpected byte " + describe(b) + " where a value starts", pos);
      }
    };
  }

  private BInteger readInteger() {
    pos++; // 'i'
    int start = pos;
    boolean negative = peek() == '-';
    if (negative) {
      pos++;
    }
    int firstDigit = pos;
    // Accumulate as a negative number so that Long.MIN_VALUE fits.
    long value = 0;
    while (peek() != 'e') {
      int b = in[pos];
      if (b < '0' || b > '9') {
        throw new BencodeException("unexpected byte " + describe(b) + " in an integer", pos);
      }
      if (pos > firstDigit && in[firstDigit] == '0') {
        throw new BencodeException("leading zero in an integer", start);
      }
      int digit = b - '0';
      if (value < (Long.MIN_VALUE + digit) / 10) {
        throw new BencodeException("integer does not fit in 64 bits", start);
      }
      value = value * 10 - digit;
      pos++;
    }
    if (pos == firstDigit) {
      throw new BencodeException("integer without digits", start);
    }
    if (negative && value == 0) {
      throw new BencodeException("negative zero", start);
    }
    if (!negative && value == Long.MIN_VALUE) {
      throw new BencodeException("integer does not fit in 64 bits", start);
    }
    pos++; // 'e'
    return new BInteger(negative ? value : -value);
  }

  private BBytes readBytes() {
    int start = pos;
    long length = 0;
    while (peek() != ':') {
      int b = in[pos];
      if (b < '0' || b > '9') {
        throw new BencodeException("unexpected byte " + describe(b) + " in a string length", pos);
      }
      if (pos > start && in[start] == '0') {
        throw new BencodeException("leading zero in a string length", start);
      }
      length = length * 10 + (b - '0');
      // Checked per digit, so the length never overflows; the exact check follows the ':'.
      if (length > in.length) {
        throw new BencodeException("string length exceeds the " + in.length + "-byte input", start);
      }
      pos++;
    }
    pos++; // ':'
    if (length > in.length - pos) {
      throw new BencodeException(
          "string of " + length + " bytes exceeds the " + (in.length - pos) + " bytes left", start);
    }
    int end = pos + (int) length;
    byte[] bytes = Arrays.copyOfRange(in, pos, end);
    pos = end;
    return new BBytes(bytes);
  }

  private BList readList(int depth) {
    checkDepth(depth);
    pos++; // 'l'
    List<BValue> values = new ArrayList<>();
    while (peek() != 'e') {
      values.add(readValue(depth));
    }
    pos++; // 'e'
    return new BList(values);
  }

  private BDict readDict(int depth) {
    checkDepth(depth);
    pos++; // 'd'
    boolean anyOrder =
        keyOrder == KeyOrder.ANY || (depth == 1 && keyOrder == KeyOrder.ANY_AT_TOP_LEVEL);
    TreeMap<BBytes, BValue> entries = new TreeMap<>();
    @Nullable BBytes previous = null;
    while (peek() != 'e') {
      int keyStart = pos;
      int b = in[pos];
      if (b < '0' || b > '9') {
        throw new BencodeException(
            "dictionary key is not a byte string (found " + describe(b) + ")", pos);
      }
      BBytes key = readBytes();
      if (entries.containsKey(key)) {
        throw new BencodeException("duplicate dictionary key " + key, keyStart);
      }
      if (!anyOrder && previous != null && previous.compareTo(key) > 0) {
        throw new BencodeException(
            "dictionary key " + key + " after " + previous + ": keys must be sorted", keyStart);
      }
      int valueStart = pos;
      entries.put(key, readValue(depth));
      if (depth == 1) {
        topLevelSpans.put(key, new ByteSpan(valueStart, pos));
      }
      previous = key;
    }
    pos++; // 'e'
    return new BDict(entries);
  }

  private void checkDepth(int depth) {
    if (depth > Bencode.MAX_DEPTH) {
      throw new BencodeException("nesting deeper than " + Bencode.MAX_DEPTH, pos);
    }
  }

  /** The byte at the current position; refuses the end of the input. */
  private int peek() {
    if (pos >= in.length) {
      throw new BencodeException("unexpected end of input", pos);
    }
    return in[pos];
  }

  private static String describe(int b) {
    int unsigned = b & 0xff;
    String hex = String.format("0x%02x", unsigned);
    return unsigned >= 0x20 && unsigned < 0x7f ? hex + " ('" + (char) unsigned + "')" : hex;
  }
}
