package org.equinode.torrent.mse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.equinode.common.Hex;
import org.junit.jupiter.api.Test;

class Rc4Test {
  /** RFC 6229, section 2, the 40-bit key 0x0102030405: keystream at offsets 0, 16 and 1024. */
  @Test
  void matchesRfc6229() {
    byte[] stream = new byte[1040];
    new Rc4(Hex.decode("0102030405")).apply(stream, 0, stream.length);
    assertThat(Hex.encode(Arrays.copyOfRange(stream, 0, 16)))
        .isEqualTo("b2396305f03dc027ccc3524a0a1118a8");
    assertThat(Hex.encode(Arrays.copyOfRange(stream, 16, 32)))
        .isEqualTo("6982944f18fc82d589c403a47a0d0919");
    assertThat(Hex.encode(Arrays.copyOfRange(stream, 1024, 1040)))
        .isEqualTo("30abbcc7c20b01609f23ee2d5f6bb7df");
  }

  @Test
  void skippingEqualsDiscardingAndChunksDoNotMatter() {
    byte[] key = Hex.decode("0102030405");
    Rc4 skipped = new Rc4(key);
    skipped.skip(1024);
    byte[] after = new byte[16];
    skipped.apply(after, 0, 16);
    assertThat(Hex.encode(after)).isEqualTo("30abbcc7c20b01609f23ee2d5f6bb7df");

    Random random = new Random(3);
    byte[] data = new byte[5000];
    random.nextBytes(data);
    byte[] whole = data.clone();
    new Rc4(key).apply(whole, 0, whole.length);
    byte[] pieces = data.clone();
    Rc4 chunked = new Rc4(key);
    for (int offset = 0; offset < pieces.length; ) {
      int n = Math.min(1 + random.nextInt(700), pieces.length - offset);
      chunked.apply(pieces, offset, n);
      offset += n;
    }
    assertThat(pieces).isEqualTo(whole);
  }
}
