package org.equinode.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.equinode.chain.TestKeys;
import org.equinode.chain.lock.SignatureVerifier;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class SignatureCacheTest {
  /** Verifies for real and counts the verifications. */
  static final class CountingVerifier implements SignatureVerifier {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public boolean verify(Ed25519PublicKey key, Ed25519Signature signature, Hash32 message) {
      count.incrementAndGet();
      return SignatureVerifier.direct().verify(key, signature, message);
    }

    int count() {
      return count.get();
    }
  }

  /** A key, a message and the key's signature of it. */
  private record Signed(Ed25519PublicKey key, Ed25519Signature signature, Hash32 message) {
    static Signed of(int keyIndex, int messageIndex) {
      Ed25519PrivateKey key = TestKeys.privateKey(keyIndex);
      Hash32 message = Hash32.parse(String.format("%064x", messageIndex + 1));
      return new Signed(key.publicKey(), key.sign(message.toByteArray()), message);
    }

    boolean through(SignatureVerifier verifier) {
      return verifier.verify(key, signature, message);
    }
  }

  private final CountingVerifier counting = new CountingVerifier();

  private SignatureCache cache(int capacity) {
    return new SignatureCache(capacity, SeededRandom.of(1), counting);
  }

  @Test
  void theMempoolStoresWhatVerifiedAndTheBlockDoesNotVerifyItAgain() {
    SignatureCache cache = cache(10);
    Signed signed = Signed.of(0, 0);
    assertThat(signed.through(cache.forMempool())).isTrue();
    assertThat(signed.through(cache.forMempool())).isTrue();
    assertThat(counting.count()).isEqualTo(1);
    assertThat(signed.through(cache.forBlocks())).isTrue();
    assertThat(counting.count()).isEqualTo(1);
    assertThat(cache.stats()).isEqualTo(new SignatureCache.Stats(2, 1, 0));
  }

  @Test
  void aBlockHitRemovesTheEntryAndABlockMissStoresNothing() {
    SignatureCache cache = cache(10);
    Signed signed = Signed.of(0, 0);
    signed.through(cache.forMempool());
    signed.through(cache.forBlocks());
    assertThat(signed.through(cache.forBlocks())).isTrue();
    assertThat(signed.through(cache.forBlocks())).isTrue();
    assertThat(counting.count()).isEqualTo(3);
    assertThat(cache.stats().entries()).isZero();
  }

  @Test
  void aFailureIsNeverRemembered() {
    SignatureCache cache = cache(10);
    Signed good = Signed.of(0, 0);
    Signed forged = new Signed(TestKeys.key(1), good.signature(), good.message());
    for (int i = 0; i < 3; i++) {
      assertThat(forged.through(cache.forMempool())).isFalse();
      assertThat(forged.through(cache.forBlocks())).isFalse();
    }
    assertThat(counting.count()).isEqualTo(6);
    assertThat(cache.stats().entries()).isZero();
  }

  @Test
  void anEntryAnswersForItsExactKeySignatureAndMessageOnly() {
    SignatureCache cache = cache(10);
    Signed good = Signed.of(0, 0);
    good.through(cache.forMempool());
    Signed otherMessage = new Signed(good.key(), good.signature(), Signed.of(0, 1).message());
    Signed otherKey = new Signed(TestKeys.key(1), good.signature(), good.message());
    Signed otherSignature = new Signed(good.key(), Signed.of(0, 1).signature(), good.message());
    for (Signed changed : List.of(otherMessage, otherKey, otherSignature)) {
      assertThat(changed.through(cache.forBlocks())).isFalse();
    }
    assertThat(counting.count()).isEqualTo(4);
    assertThat(cache.entry(good.key(), good.signature(), good.message()))
        .isNotIn(
            cache.entry(otherMessage.key(), otherMessage.signature(), otherMessage.message()),
            cache.entry(otherKey.key(), otherKey.signature(), otherKey.message()),
            cache.entry(
                otherSignature.key(), otherSignature.signature(), otherSignature.message()));
  }

  @Test
  void entriesAreSaltedPerCache() {
    Signed signed = Signed.of(0, 0);
    SignatureCache one = new SignatureCache(10, SeededRandom.of(1), counting);
    SignatureCache other = new SignatureCache(10, SeededRandom.of(2), counting);
    assertThat(one.entry(signed.key(), signed.signature(), signed.message()))
        .isNotEqualTo(other.entry(signed.key(), signed.signature(), signed.message()));
  }

  @Test
  void whenFullTheOldestEntryGoesFirst() {
    SignatureCache cache = cache(3);
    List<Signed> signed = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      signed.add(Signed.of(0, i));
      signed.get(i).through(cache.forMempool());
    }
    assertThat(cache.stats().entries()).isEqualTo(3);
    assertThat(counting.count()).isEqualTo(4);
    for (int i = 1; i < 4; i++) {
      signed.get(i).through(cache.forBlocks());
    }
    assertThat(counting.count()).isEqualTo(4);
    signed.get(0).through(cache.forBlocks());
    assertThat(counting.count()).isEqualTo(5);
  }

  @Test
  void refusesACapacityOutsideItsLimits() {
    assertThatThrownBy(() -> cache(0))
        .isInstanceOf(ConsensusException.class)
        .hasMessage("signature cache capacity 0 is outside 1.." + SignatureCache.MAX_CAPACITY);
    assertThatThrownBy(() -> cache(SignatureCache.MAX_CAPACITY + 1))
        .isInstanceOf(ConsensusException.class);
  }

  @Test
  void manyThreadsAtOnceGetTheVerdictsOfAVerification() throws Exception {
    SignatureCache cache = cache(16);
    List<Signed> signed = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      signed.add(Signed.of(i % 3, i));
    }
    Signed forged = new Signed(TestKeys.key(5), signed.get(0).signature(), signed.get(0).message());
    List<Future<Boolean>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int round = 0; round < 8; round++) {
        for (int i = 0; i < signed.size(); i++) {
          Signed one = signed.get(i);
          SignatureVerifier view = (round + i) % 2 == 0 ? cache.forMempool() : cache.forBlocks();
          results.add(pool.submit(() -> one.through(view)));
          results.add(pool.submit(() -> !forged.through(view)));
        }
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    }
    SignatureCache.Stats stats = cache.stats();
    assertThat(stats.entries()).isBetween(0, 16);
    assertThat(stats.hits() + stats.misses()).isEqualTo(results.size());
    assertThat(counting.count()).isEqualTo((int) stats.misses());
  }
}
