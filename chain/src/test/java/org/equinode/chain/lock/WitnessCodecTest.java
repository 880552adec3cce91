package org.equinode.chain.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.equinode.common.Hex;
import org.equinode.common.MalformedException;
import org.equinode.common.TruncatedException;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.testing.Mutations;
import org.junit.jupiter.api.Test;

class WitnessCodecTest {
  private static final Ed25519Signature SIG_A = Ed25519Signature.of(filled(0xaa, 64));
  private static final Ed25519Signature SIG_B = Ed25519Signature.of(filled(0xbb, 64));
  private static final String A = "aa".repeat(64);
  private static final String B = "bb".repeat(64);

  static Witness everyKind() {
    return new Witness.Or(
        2,
        new Witness.Thresh(
            0b101,
            List.of(
                new Witness.Preimage(SampleLocks.PREIMAGE),
                new Witness.And(
                    List.of(
                        new Witness.Sig(SIG_A),
                        new Witness.Multi(0b1010, List.of(SIG_A, SIG_B)),
                        new Witness.After(),
                        new Witness.Older())))));
  }

  @Test
  void exactLayoutOfEachKind() {
    assertThat(hex(new Witness.Sig(SIG_A))).isEqualTo("01" + A);
    assertThat(hex(new Witness.Multi(0b101, List.of(SIG_A, SIG_B))))
        .isEqualTo("02" + "05000000" + A + B);
    assertThat(hex(new Witness.Preimage(SampleLocks.PREIMAGE))).isEqualTo("03" + "42".repeat(32));
    assertThat(hex(new Witness.After())).isEqualTo("04");
    assertThat(hex(new Witness.Older())).isEqualTo("05");
    assertThat(hex(new Witness.And(List.of(new Witness.After(), new Witness.Older()))))
        .isEqualTo("06020405");
    assertThat(hex(new Witness.Or(3, new Witness.After()))).isEqualTo("070304");
    assertThat(hex(new Witness.Thresh(0b110, List.of(new Witness.After(), new Witness.Older()))))
        .isEqualTo("08" + "06000000" + "0405");
  }

  @Test
  void roundTripsEveryKind() {
    Witness witness = everyKind();
    byte[] bytes = witness.encode();
    assertThat(WitnessCodec.decode(bytes)).isEqualTo(witness);
    assertThat(witness.signatureCount()).isEqualTo(3);
  }

  @Test
  void masksMustMatchWhatIsCarried() {
    assertThatThrownBy(() -> new Witness.Multi(0b11, List.of(SIG_A)))
        .isInstanceOf(LockException.class)
        .hasMessage("MULTI witness selects 2 but carries 1");
    assertThatThrownBy(() -> new Witness.Multi(0, List.of()))
        .hasMessage("MULTI witness selects nothing");
    assertThatThrownBy(() -> new Witness.Thresh(1 << 16, List.of(new Witness.After())))
        .hasMessage("THRESH witness selects beyond the first 16 positions: mask 0x10000");
    assertThatThrownBy(() -> decodeHex("0200000000")).isInstanceOf(MalformedException.class);
    assertThatThrownBy(() -> decodeHex("0800000100" + "04")).isInstanceOf(MalformedException.class);
    // A mask of two signatures followed by one: truncated, not allocated ahead.
    assertThatThrownBy(() -> decodeHex("0203000000" + A)).isInstanceOf(TruncatedException.class);
  }

  @Test
  void refusesBadShapes() {
    assertThatThrownBy(() -> decodeHex("060104"))
        .hasMessage("AND witness has 1 children, expected 2..16");
    assertThatThrownBy(() -> decodeHex("071004"))
        .hasMessage("OR witness branch count 16 exceeds the maximum 15");
    assertThatThrownBy(() -> decodeHex("09")).hasMessage("unknown witness node tag 0x09");
    assertThatThrownBy(() -> decodeHex("0404")).hasMessage("1 trailing bytes after witness");
    assertThatThrownBy(() -> decodeHex("")).isInstanceOf(TruncatedException.class);
  }

  @Test
  void limitsDepthNodesAndSignatures() {
    assertThatThrownBy(() -> decodeHex("0700".repeat(8) + "04"))
        .hasMessage("witness deeper than MAX_DEPTH 8");
    String inner = "0610" + "04".repeat(16);
    assertThatThrownBy(() -> decodeHex("0610" + inner.repeat(16)))
        .hasMessage("witness has more than MAX_NODES 64 nodes");
    // Two MULTI witnesses of 20 and 13 signatures: the second count is refused before reading.
    String twenty = "02" + "ffff0f00" + A.repeat(20);
    assertThatThrownBy(() -> decodeHex("0602" + twenty + "02ff1f0000"))
        .hasMessage("witness has more signatures than MAX_KEYS 32");
    List<Witness> many = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      many.add(new Witness.Multi(0xfffff, java.util.Collections.nCopies(20, SIG_A)));
    }
    assertThatThrownBy(() -> new Witness.And(many))
        .hasMessage("AND witness has more signatures than MAX_KEYS 32");
  }

  @Test
  void mutatedBytesDecodeCanonicallyOrAreRefused() {
    byte[] valid = everyKind().encode();
    int refused = Mutations.check(valid, bytes -> WitnessCodec.decode(bytes).encode(), 11, 3000);
    assertThat(refused).isPositive();
  }

  private static String hex(Witness witness) {
    return Hex.encode(witness.encode());
  }

  private static Witness decodeHex(String hex) {
    return WitnessCodec.decode(Hex.decode(hex));
  }

  private static byte[] filled(int value, int length) {
    byte[] out = new byte[length];
    java.util.Arrays.fill(out, (byte) value);
    return out;
  }
}
