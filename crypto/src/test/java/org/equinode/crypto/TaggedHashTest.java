package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.equinode.common.Hash32;
import org.equinode.common.Hex;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class TaggedHashTest {

  /** The BIP-340 construction, written out with a fresh JDK digest for each step. */
  private static byte[] expected(String tag, byte[] data) throws NoSuchAlgorithmException {
    byte[] tagHash =
        MessageDigest.getInstance("SHA-256").digest(tag.getBytes(StandardCharsets.UTF_8));
    MessageDigest outer = MessageDigest.getInstance("SHA-256");
    outer.update(tagHash);
    outer.update(tagHash);
    outer.update(data);
    return outer.digest();
  }

  @Test
  void matchesTheBip340ConstructionForTheChallengeTag() throws NoSuchAlgorithmException {
    TaggedHash challenge = TaggedHash.of("BIP0340/challenge");
    RandomGenerator random = SeededRandom.of(340);
    for (int length : new int[] {0, 1, 31, 32, 55, 56, 63, 64, 65, 96, 1000}) {
      byte[] data = SeededRandom.bytes(random, length);
      assertThat(challenge.hash(data).toByteArray())
          .as("%d bytes", length)
          .isEqualTo(expected("BIP0340/challenge", data));
    }
  }

  @Test
  void knownAnswersComputedOutsideJava() {
    // Values from Python's hashlib: sha256(sha256(tag) * 2 + data).
    assertThat(TaggedHash.of("BIP0340/challenge").hash(new byte[0]))
        .isEqualTo(
            Hash32.parse("c216d352f5818b7b4beacd4ae0a26fe888080823d2a598856661bcd54f1b3713"));
    byte[] zeroToThirtyOne = new byte[32];
    for (int i = 0; i < 32; i++) {
      zeroToThirtyOne[i] = (byte) i;
    }
    assertThat(TaggedHash.of("eq/tx").hash(zeroToThirtyOne))
        .isEqualTo(
            Hash32.parse("459fbac52b1b8200a664df72a4437bbcb281a0bee85ab924e15ff165c0ed029c"));
    assertThat(TaggedHash.of("eq/block").hash("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(
            Hash32.parse("5f57eeb8941bae10fb99a911b13821caae94c9c1ed3bdac34edcac145f293584"));
  }

  @Test
  void aNonAsciiTagIsHashedAsUtf8() throws NoSuchAlgorithmException {
    byte[] data = Hex.decode("00ff");

    assertThat(TaggedHash.of("eq/é").hash(data).toByteArray()).isEqualTo(expected("eq/é", data));
  }

  @Test
  void offsetAndPartsFormsAgreeWithThePlainForm() {
    TaggedHash hash = TaggedHash.of("eq/merkle");
    byte[] left = Hex.decode("0102030405");
    byte[] right = Hex.decode("a0a1a2");
    byte[] both = Hex.decode("0102030405a0a1a2");
    byte[] padded = Hex.decode("ffff0102030405a0a1a2ffff");

    assertThat(hash.hash(left, right)).isEqualTo(hash.hash(both));
    assertThat(hash.hash(padded, 2, both.length)).isEqualTo(hash.hash(both));
    assertThat(hash.hash(new byte[0][])).isEqualTo(hash.hash(new byte[0]));
  }

  @Test
  void distinctTagsGiveDistinctHashes() throws NoSuchAlgorithmException {
    byte[] data = Hex.decode("deadbeef");
    List<String> tags =
        List.of(
            "eq/tx",
            "eq/wtx",
            "eq/block",
            "eq/merkle",
            "eq/sighash",
            "eq/lock",
            "eq/tx ",
            "EQ/TX",
            "BIP0340/challenge");
    Set<Hash32> hashes = new HashSet<>();
    for (String tag : tags) {
      hashes.add(TaggedHash.of(tag).hash(data));
    }
    hashes.add(Hash32.of(MessageDigest.getInstance("SHA-256").digest(data)));

    assertThat(hashes).hasSize(tags.size() + 1);
  }

  @Test
  void theSameTagGivesTheSameHashFromAnyInstance() {
    byte[] data = Hex.decode("0011");

    assertThat(TaggedHash.of("eq/tx").hash(data)).isEqualTo(TaggedHash.of("eq/tx").hash(data));
    assertThat(TaggedHash.of("eq/tx").tag()).isEqualTo("eq/tx");
    assertThat(TaggedHash.of("eq/tx")).hasToString("TaggedHash[eq/tx]");
  }

  @Test
  void anEmptyTagIsRefused() {
    assertThatThrownBy(() -> TaggedHash.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a hash tag must not be empty");
  }

  @Test
  void oneInstanceSharedByManyThreadsGivesTheRightAnswers() throws Exception {
    TaggedHash shared = TaggedHash.of("eq/sighash");
    int threads = 8;
    int hashesPerThread = 2_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        RandomGenerator random = SeededRandom.of(t);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int wrong = 0;
                  for (int i = 0; i < hashesPerThread; i++) {
                    byte[] data = SeededRandom.bytes(random, random.nextInt(200));
                    if (!shared.hash(data).equals(Hash32.of(expected("eq/sighash", data)))) {
                      wrong++;
                    }
                  }
                  return wrong;
                }));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertThat(result.get()).isZero();
      }
    }
  }
}
