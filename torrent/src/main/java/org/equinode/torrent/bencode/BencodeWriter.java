package org.equinode.torrent.bencode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes the canonical encoding of a value: the one encoding {@link BencodeReader} accepts. */
final class BencodeWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  byte[] write(BValue value) {
    append(value);
    return out.toByteArray();
  }

  private void append(BValue value) {
    switch (value) {
      case BInteger integer -> {
        out.write('i');
        ascii(Long.toString(integer.value()));
        out.write('e');
      }
      case BBytes bytes -> appendBytes(bytes);
      case BList list -> {
        out.write('l');
        list.values().forEach(this::append);
        out.write('e');
      }
      case BDict dict -> {
        out.write('d');
        // The map is sorted by unsigned key bytes, as the encoding requires.
        for (Map.Entry<BBytes, BValue> entry : dict.entries().entrySet()) {
          appendBytes(entry.getKey());
          append(entry.getValue());
        }
        out.write('e');
      }
    }
  }

  private void appendBytes(BBytes bytes) {
    byte[] raw = bytes.unsafeArray();
    ascii(Integer.toString(raw.length));
    out.write(':');
    out.writeBytes(raw);
  }

  private void ascii(String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }
}
