package org.equinode.wallet.spend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.lock.LockChecker;
import org.equinode.chain.lock.SpendContext;
import org.equinode.chain.lock.Witness;
import org.equinode.common.Hash32;
import org.equinode.common.Hex;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;
import org.equinode.wallet.TestSecrets;
import org.equinode.wallet.WalletException;
import org.equinode.wallet.keys.HashSecrets;
import org.junit.jupiter.api.Test;

class SatisfierTest {
  private static final Ed25519PrivateKey A = TestSecrets.secrets().receiveKey(0);
  private static final Ed25519PrivateKey B = TestSecrets.secrets().receiveKey(1);
  private static final Ed25519PrivateKey C = TestSecrets.other().receiveKey(0);
  private static final Hash32 SECRET = Hash32.of(Hex.decode("5e".repeat(32)));
  private static final Hash32 DIGEST = HashSecrets.digest(SECRET);
  private static final Hash32 SIG_HASH = Hash32.of(Hex.decode("ab".repeat(32)));

  /** Holds some private keys and preimages. */
  private record Ring(Set<Ed25519PrivateKey> keys, Map<Hash32, Hash32> preimages)
      implements KeyRing {
    @Override
    public boolean canSign(Ed25519PublicKey key) {
      return keys.stream().anyMatch(k -> k.publicKey().equals(key));
    }

    @Override
    public Ed25519Signature sign(Ed25519PublicKey key, Hash32 sigHash) {
      return keys.stream()
          .filter(k -> k.publicKey().equals(key))
          .findFirst()
          .orElseThrow(() -> new WalletException("no key"))
          .sign(sigHash.toByteArray());
    }

    @Override
    public Optional<Hash32> preimage(Hash32 digest) {
      return Optional.ofNullable(preimages.get(digest));
    }
  }

  private static Ring ring(Ed25519PrivateKey... keys) {
    return new Ring(Set.of(keys), Map.of());
  }

  private static Lock htlc(int refundHeight) {
    return Contracts.hashTimeLock(A.publicKey(), DIGEST, C.publicKey(), refundHeight);
  }

  /** Plans, signs, and checks the witness the way a node would at {@code height}. */
  private static boolean accepted(Lock lock, Ring ring, int height, Optional<Integer> coinHeight) {
    Optional<WitnessPlan> plan = new Satisfier(ring, height, coinHeight).plan(lock);
    if (plan.isEmpty()) {
      return false;
    }
    Witness witness = plan.get().witness(key -> ring.sign(key, SIG_HASH));
    assertThat(witness.encode()).hasSize(plan.get().size());
    int age = coinHeight.map(h -> height - h).orElse(0);
    int lockTime = Math.max(height - 1, plan.get().lockTime());
    return LockChecker.check(lock, witness, new SpendContext(SIG_HASH, height, lockTime, age))
        .isAccepted();
  }

  @Test
  void sig() {
    Lock lock = new Lock.Sig(A.publicKey());
    assertThat(accepted(lock, ring(A), 10, Optional.of(1))).isTrue();
    assertThat(accepted(lock, ring(B), 10, Optional.of(1))).isFalse();
  }

  @Test
  void multiSignsWithTheFirstKeysHeld() {
    Lock.Multi lock = Lock.Multi.sorted(2, List.of(A.publicKey(), B.publicKey(), C.publicKey()));
    assertThat(accepted(lock, ring(A, B), 10, Optional.of(1))).isTrue();
    assertThat(accepted(lock, ring(A, B, C), 10, Optional.of(1))).isTrue();
    assertThat(accepted(lock, ring(C), 10, Optional.of(1))).isFalse();
    WitnessPlan.Multi plan =
        (WitnessPlan.Multi)
            new Satisfier(ring(A, B, C), 1, Optional.empty()).plan(lock).orElseThrow();
    assertThat(Integer.bitCount(plan.selected())).isEqualTo(2);
    assertThat(plan.keys()).containsExactly(lock.keys().get(0), lock.keys().get(1));
  }

  @Test
  void hashTimeLockClaimWithThePreimage() {
    Ring claimer = new Ring(Set.of(A), Map.of(DIGEST, SECRET));
    assertThat(accepted(htlc(50), claimer, 10, Optional.of(1))).isTrue();
    WitnessPlan.Or plan =
        (WitnessPlan.Or) new Satisfier(claimer, 10, Optional.of(1)).plan(htlc(50)).orElseThrow();
    assertThat(plan.branch()).isZero();
    assertThat(plan.lockTime()).isZero();
    assertThat(accepted(htlc(50), ring(A), 10, Optional.of(1))).isFalse();
  }

  @Test
  void hashTimeLockRefundFromItsHeight() {
    assertThat(accepted(htlc(50), ring(C), 49, Optional.of(1))).isFalse();
    assertThat(accepted(htlc(50), ring(C), 50, Optional.of(1))).isTrue();
    WitnessPlan plan = new Satisfier(ring(C), 60, Optional.of(1)).plan(htlc(50)).orElseThrow();
    assertThat(plan.lockTime()).isEqualTo(50);
    assertThat(((WitnessPlan.Or) plan).branch()).isEqualTo(1);
  }

  @Test
  void orPrefersTheSmallerWitness() {
    // Both branches are open to a ring holding A, the preimage and C: the HASH branch carries a
    // 32-byte preimage, the AFTER branch nothing, so the refund branch is smaller.
    Ring both = new Ring(Set.of(A, C), Map.of(DIGEST, SECRET));
    WitnessPlan.Or plan =
        (WitnessPlan.Or) new Satisfier(both, 60, Optional.of(1)).plan(htlc(50)).orElseThrow();
    assertThat(plan.branch()).isEqualTo(1);
  }

  @Test
  void olderNeedsAConfirmedCoinOldEnough() {
    Lock lock = new Lock.And(List.of(new Lock.Sig(A.publicKey()), new Lock.Older(5)));
    assertThat(accepted(lock, ring(A), 14, Optional.of(10))).isFalse();
    assertThat(accepted(lock, ring(A), 15, Optional.of(10))).isTrue();
    assertThat(accepted(lock, ring(A), 15, Optional.empty())).isFalse();
  }

  @Test
  void threshChoosesEnoughChildren() {
    Lock lock =
        new Lock.Thresh(
            2,
            List.of(
                new Lock.Sig(A.publicKey()),
                new Lock.Sig(B.publicKey()),
                new Lock.HashLock(DIGEST)));
    assertThat(accepted(lock, ring(A), 5, Optional.of(1))).isFalse();
    assertThat(accepted(lock, new Ring(Set.of(B), Map.of(DIGEST, SECRET)), 5, Optional.of(1)))
        .isTrue();
    // Holding everything, it picks the two smallest witnesses: the preimage and one signature.
    WitnessPlan.Thresh plan =
        (WitnessPlan.Thresh)
            new Satisfier(new Ring(Set.of(A, B), Map.of(DIGEST, SECRET)), 5, Optional.of(1))
                .plan(lock)
                .orElseThrow();
    assertThat(plan.selected()).isEqualTo(0b101);
  }
}
