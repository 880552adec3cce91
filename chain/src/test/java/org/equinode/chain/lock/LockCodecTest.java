package org.equinode.chain.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equinode.chain.TestKeys.key;

import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.chain.TestKeys;
import org.equinode.common.Hex;
import org.equinode.common.MalformedException;
import org.equinode.common.TruncatedException;
import org.equinode.crypto.CryptoException;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class LockCodecTest {
  private static final String K0 = key(0).toString();

  @Test
  void sigIsTagThenKey() {
    assertThat(Hex.encode(new Lock.Sig(key(0)).encode())).isEqualTo("01" + K0);
  }

  @Test
  void exactLayoutOfEachKind() {
    Lock.Multi multi = Lock.Multi.sorted(2, TestKeys.keys(2));
    assertThat(Hex.encode(multi.encode()))
        .isEqualTo("020202" + multi.keys().get(0) + multi.keys().get(1));
    assertThat(Hex.encode(new Lock.HashLock(SampleLocks.DIGEST).encode()))
        .isEqualTo("03" + SampleLocks.DIGEST);
    assertThat(Hex.encode(new Lock.After(0x01020304).encode())).isEqualTo("0404030201");
    assertThat(Hex.encode(new Lock.Older(144).encode())).isEqualTo("0590000000");
    Lock and = new Lock.And(List.of(new Lock.After(1), new Lock.Older(2)));
    assertThat(Hex.encode(and.encode())).isEqualTo("0602" + "0401000000" + "0502000000");
    Lock or = new Lock.Or(List.of(new Lock.After(1), new Lock.Older(2)));
    assertThat(Hex.encode(or.encode())).isEqualTo("0702" + "0401000000" + "0502000000");
    Lock thresh = new Lock.Thresh(1, List.of(new Lock.After(1), new Lock.Older(2)));
    assertThat(Hex.encode(thresh.encode())).isEqualTo("080102" + "0401000000" + "0502000000");
  }

  @Test
  void roundTripsEveryKind() {
    Lock lock = SampleLocks.everyKind();
    byte[] bytes = lock.encode();
    assertThat(LockCodec.decode(bytes)).isEqualTo(lock);
    assertThat(LockCodec.decode(bytes).encode()).isEqualTo(bytes);
  }

  @Test
  void refusesEmptyTruncatedAndTrailingBytes() {
    byte[] bytes = new Lock.Sig(key(0)).encode();
    assertThatThrownBy(() -> LockCodec.decode(new byte[0])).isInstanceOf(TruncatedException.class);
    assertThatThrownBy(() -> LockCodec.decode(java.util.Arrays.copyOf(bytes, 32)))
        .isInstanceOf(TruncatedException.class);
    assertThatThrownBy(() -> LockCodec.decode(java.util.Arrays.copyOf(bytes, 34)))
        .isInstanceOf(MalformedException.class)
        .hasMessage("1 trailing bytes after lock");
  }

  @Test
  void refusesUnknownTags() {
    assertThatThrownBy(() -> decodeHex("00")).hasMessage("unknown lock node tag 0x00");
    assertThatThrownBy(() -> decodeHex("09")).isInstanceOf(MalformedException.class);
  }

  @Test
  void refusesAKeyThatIsNotACurvePoint() {
    byte[] notAPoint = notAPoint();
    assertThatThrownBy(() -> decodeHex("01" + Hex.encode(notAPoint)))
        .isInstanceOf(MalformedException.class)
        .hasMessageStartingWith("not an Ed25519 public key");
  }

  @Test
  void refusesUnsortedOrDuplicateMultiKeys() {
    Lock.Multi multi = Lock.Multi.sorted(1, TestKeys.keys(2));
    String a = multi.keys().get(0).toString();
    String b = multi.keys().get(1).toString();
    assertThat(decodeHex("020102" + a + b)).isEqualTo(multi);
    assertThatThrownBy(() -> decodeHex("020102" + b + a))
        .isInstanceOf(MalformedException.class)
        .hasMessageContaining("ascending byte order");
    assertThatThrownBy(() -> decodeHex("020102" + a + a)).isInstanceOf(MalformedException.class);
  }

  @Test
  void refusesThresholdsOutOfRange() {
    assertThatThrownBy(() -> decodeHex("020001" + K0)).hasMessageContaining("MULTI threshold 0");
    assertThatThrownBy(() -> decodeHex("020201" + K0)).hasMessageContaining("MULTI threshold 2");
    assertThatThrownBy(() -> decodeHex("08030204010000000402000000"))
        .hasMessageContaining("THRESH threshold 3");
  }

  @Test
  void refusesNonMinimalCounts() {
    assertThatThrownBy(() -> decodeHex("06fd0200" + "0401000000" + "0402000000"))
        .isInstanceOf(MalformedException.class)
        .hasMessageContaining("non-minimal");
  }

  @Test
  void refusesCompositesWithTooFewOrTooManyChildren() {
    assertThatThrownBy(() -> decodeHex("06010401000000"))
        .hasMessage("AND has 1 children, expected 2..16");
    assertThatThrownBy(() -> decodeHex("0700")).isInstanceOf(MalformedException.class);
    assertThatThrownBy(() -> decodeHex("0611"))
        .hasMessage("AND child count 17 exceeds the maximum 16");
  }

  @Test
  void refusesHeightsOutOfRange() {
    assertThatThrownBy(() -> decodeHex("0400000000")).hasMessageContaining("AFTER height 0");
    assertThatThrownBy(() -> decodeHex("05ffffffff"))
        .hasMessage("OLDER block count 4294967295 is above 2147483647");
    assertThat(decodeHex("04ffffff7f")).isEqualTo(new Lock.After(Lock.MAX_HEIGHT));
  }

  @Test
  void refusesTooDeepBeforeReadingFurther() {
    // Eight ANDs nested: the ninth level is refused before its node is read.
    String bytes = "0602".repeat(8) + "0401000000";
    assertThatThrownBy(() -> decodeHex(bytes)).hasMessage("lock deeper than MAX_DEPTH 8");
  }

  @Test
  void refusesTooManyNodesBeforeReadingFurther() {
    // AND of 16 ANDs of 16 leaves: node 65 is refused when it is reached.
    String inner = "0610" + "0401000000".repeat(16);
    assertThatThrownBy(() -> decodeHex("0610" + inner.repeat(16)))
        .hasMessage("lock has more than MAX_NODES 64 nodes");
  }

  @Test
  void refusesTooManyKeysBeforeReadingThem() {
    Lock.Multi twenty = Lock.Multi.sorted(1, TestKeys.keys(20));
    // The second MULTI claims 13 keys but none follow: refused on the count, not on truncation.
    String bytes = "0702" + Hex.encode(twenty.encode()) + "02010d";
    assertThatThrownBy(() -> decodeHex(bytes)).hasMessage("lock has more than MAX_KEYS 32 keys");
  }

  @Test
  void mutatedBytesDecodeCanonicallyOrAreRefused() {
    byte[] valid = SampleLocks.everyKind().encode();
    int refused = Mutations.check(valid, bytes -> LockCodec.decode(bytes).encode(), 7, 3000);
    assertThat(refused).isPositive();
    byte[] small = new Lock.And(List.of(new Lock.After(5), new Lock.Older(6))).encode();
    Mutations.check(small, bytes -> LockCodec.decode(bytes).encode(), 8, 3000);
  }

  private static Lock decodeHex(String hex) {
    return LockCodec.decode(Hex.decode(hex));
  }

  static byte[] notAPoint() {
    RandomGenerator random = SeededRandom.of(1);
    while (true) {
      byte[] candidate = SeededRandom.bytes(random, Ed25519PublicKey.LENGTH);
      try {
        Ed25519PublicKey.parse(candidate);
      } catch (CryptoException e) {
        return candidate;
      }
    }
  }
}
