package org.equinode.chain.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equinode.chain.TestKeys.key;
import static org.equinode.chain.TestKeys.privateKey;

import java.util.List;
import org.equinode.chain.TestKeys;
import org.equinode.common.Hash32;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;
import org.junit.jupiter.api.Test;

class LockCheckerTest {
  private static final Hash32 SIGHASH = Hash32.parse("5a".repeat(32));
  private static final SpendContext CONTEXT = new SpendContext(SIGHASH, 1000, 1000, 10);

  private static Ed25519Signature sign(int i) {
    return privateKey(i).sign(SIGHASH.toByteArray());
  }

  private static Ed25519Signature signOther(int i) {
    return privateKey(i).sign(new byte[32]);
  }

  private static LockVerdict check(Lock lock, Witness witness) {
    return LockChecker.check(lock, witness, CONTEXT);
  }

  private static LockVerdict reject(String reason) {
    return new LockVerdict.Reject(reason);
  }

  @Test
  void sig() {
    Lock lock = new Lock.Sig(key(0));
    assertThat(check(lock, new Witness.Sig(sign(0)))).isEqualTo(new LockVerdict.Accept(1));
    assertThat(check(lock, new Witness.Sig(sign(1))))
        .isEqualTo(reject("SIG at /: signature does not verify"));
    assertThat(check(lock, new Witness.Sig(signOther(0))))
        .isEqualTo(reject("SIG at /: signature does not verify"));
    assertThat(check(lock, new Witness.After()))
        .isEqualTo(reject("SIG at /: the witness node is AFTER"));
  }

  @Test
  void garbageSignaturesAreRejectedNotThrown() {
    Lock lock = new Lock.Sig(key(0));
    for (int fill : new int[] {0x00, 0xff, 0x7f}) {
      byte[] bytes = new byte[64];
      java.util.Arrays.fill(bytes, (byte) fill);
      assertThat(check(lock, new Witness.Sig(Ed25519Signature.of(bytes))))
          .isEqualTo(reject("SIG at /: signature does not verify"));
    }
  }

  @Test
  void multi() {
    Lock.Multi lock = Lock.Multi.sorted(2, TestKeys.keys(3));
    List<Ed25519PublicKey> keys = lock.keys();
    Ed25519Signature s0 = sign(indexOf(keys.get(0)));
    Ed25519Signature s2 = sign(indexOf(keys.get(2)));
    assertThat(check(lock, new Witness.Multi(0b101, List.of(s0, s2))))
        .isEqualTo(new LockVerdict.Accept(2));
    assertThat(check(lock, new Witness.Multi(0b001, List.of(s0))))
        .isEqualTo(reject("MULTI at /: the witness selects 1, the threshold is 2"));
    assertThat(check(lock, new Witness.Multi(0b111, List.of(s0, s0, s2))))
        .isEqualTo(reject("MULTI at /: the witness selects 3, the threshold is 2"));
    assertThat(check(lock, new Witness.Multi(0b1001, List.of(s0, s2))))
        .isEqualTo(reject("MULTI at /: the witness selects position 3 of only 3"));
    assertThat(check(lock, new Witness.Multi(0b101, List.of(s0, s0))))
        .isEqualTo(reject("MULTI at /: signature for key 2 does not verify"));
    assertThat(check(lock, new Witness.Multi(0b110, List.of(s0, s2))))
        .isEqualTo(reject("MULTI at /: signature for key 1 does not verify"));
  }

  @Test
  void hashLock() {
    Lock lock = new Lock.HashLock(SampleLocks.DIGEST);
    assertThat(check(lock, new Witness.Preimage(SampleLocks.PREIMAGE)))
        .isEqualTo(new LockVerdict.Accept(0));
    assertThat(check(lock, new Witness.Preimage(SampleLocks.DIGEST)))
        .isEqualTo(reject("HASH at /: the preimage's SHA-256 is not the lock's digest"));
  }

  @Test
  void afterNeedsTheLockTimeAndTheBlockHeight() {
    Lock lock = new Lock.After(1000);
    Witness witness = new Witness.After();
    assertThat(check(lock, witness).isAccepted()).isTrue();
    assertThat(LockChecker.check(lock, witness, new SpendContext(SIGHASH, 2000, 999, 0)))
        .isEqualTo(reject("AFTER at /: the transaction's lock time 999 is below 1000"));
    assertThat(LockChecker.check(lock, witness, new SpendContext(SIGHASH, 999, 1000, 0)))
        .isEqualTo(reject("AFTER at /: the block height 999 is below 1000"));
  }

  @Test
  void olderNeedsTheOutputsAge() {
    Lock lock = new Lock.Older(10);
    assertThat(check(lock, new Witness.Older()).isAccepted()).isTrue();
    assertThat(LockChecker.check(lock, new Witness.Older(), new SpendContext(SIGHASH, 5, 0, 9)))
        .isEqualTo(reject("OLDER at /: the spent output is 9 blocks old, below 10"));
  }

  @Test
  void andNeedsEveryChild() {
    Lock lock = new Lock.And(List.of(new Lock.Sig(key(0)), new Lock.Sig(key(1))));
    Witness good = new Witness.And(List.of(new Witness.Sig(sign(0)), new Witness.Sig(sign(1))));
    assertThat(check(lock, good)).isEqualTo(new LockVerdict.Accept(2));
    Witness bad = new Witness.And(List.of(new Witness.Sig(sign(0)), new Witness.Sig(sign(0))));
    assertThat(check(lock, bad)).isEqualTo(reject("SIG at /1: signature does not verify"));
    Witness three =
        new Witness.And(
            List.of(new Witness.Sig(sign(0)), new Witness.Sig(sign(1)), new Witness.After()));
    assertThat(check(lock, three)).isEqualTo(reject("AND at /: 3 witnesses for 2 children"));
  }

  @Test
  void orNeedsTheChosenBranch() {
    Lock lock = new Lock.Or(List.of(new Lock.Sig(key(0)), new Lock.Older(5)));
    assertThat(check(lock, new Witness.Or(1, new Witness.Older())))
        .isEqualTo(new LockVerdict.Accept(0));
    assertThat(check(lock, new Witness.Or(0, new Witness.Sig(sign(0)))))
        .isEqualTo(new LockVerdict.Accept(1));
    assertThat(check(lock, new Witness.Or(2, new Witness.Older())))
        .isEqualTo(reject("OR at /: branch 2 of 2 children"));
    assertThat(check(lock, new Witness.Or(0, new Witness.Older())))
        .isEqualTo(reject("SIG at /0: the witness node is OLDER"));
  }

  @Test
  void threshNeedsExactlyKChosenChildren() {
    Lock lock =
        new Lock.Thresh(
            2, List.of(new Lock.Sig(key(0)), new Lock.Sig(key(1)), new Lock.After(2000)));
    Witness good =
        new Witness.Thresh(0b011, List.of(new Witness.Sig(sign(0)), new Witness.Sig(sign(1))));
    assertThat(check(lock, good)).isEqualTo(new LockVerdict.Accept(2));
    Witness one = new Witness.Thresh(0b001, List.of(new Witness.Sig(sign(0))));
    assertThat(check(lock, one))
        .isEqualTo(reject("THRESH at /: the witness selects 1, the threshold is 2"));
    Witness timelocked =
        new Witness.Thresh(0b101, List.of(new Witness.Sig(sign(0)), new Witness.After()));
    assertThat(check(lock, timelocked))
        .isEqualTo(reject("AFTER at /2: the transaction's lock time 1000 is below 2000"));
    Witness beyond =
        new Witness.Thresh(0b1001, List.of(new Witness.Sig(sign(0)), new Witness.After()));
    assertThat(check(lock, beyond))
        .isEqualTo(reject("THRESH at /: the witness selects position 3 of only 3"));
  }

  @Test
  void cheapRulesAreCheckedBeforeAnySignature() {
    // The signature is bad and comes first, but the time lock fails without a signature check.
    Lock lock = new Lock.And(List.of(new Lock.Sig(key(0)), new Lock.After(5000)));
    Witness witness = new Witness.And(List.of(new Witness.Sig(sign(1)), new Witness.After()));
    assertThat(check(lock, witness))
        .isEqualTo(reject("AFTER at /1: the transaction's lock time 1000 is below 5000"));
  }

  @Test
  void escrowAndHashTimeLockedSwap() {
    // Escrow: 2 of {buyer, seller, arbiter}, or the buyer alone after height 900.
    Lock escrow =
        new Lock.Or(
            List.of(
                Lock.Multi.sorted(2, TestKeys.keys(3)),
                new Lock.And(List.of(new Lock.Sig(key(0)), new Lock.After(900)))));
    Witness refund =
        new Witness.Or(1, new Witness.And(List.of(new Witness.Sig(sign(0)), new Witness.After())));
    assertThat(check(escrow, refund)).isEqualTo(new LockVerdict.Accept(1));

    // Swap: the taker with the secret, or the maker after 144 blocks.
    Lock swap =
        new Lock.Or(
            List.of(
                new Lock.And(List.of(new Lock.Sig(key(1)), new Lock.HashLock(SampleLocks.DIGEST))),
                new Lock.And(List.of(new Lock.Sig(key(0)), new Lock.Older(144)))));
    Witness claim =
        new Witness.Or(
            0,
            new Witness.And(
                List.of(new Witness.Sig(sign(1)), new Witness.Preimage(SampleLocks.PREIMAGE))));
    assertThat(check(swap, claim)).isEqualTo(new LockVerdict.Accept(1));
    Witness earlyRefund =
        new Witness.Or(1, new Witness.And(List.of(new Witness.Sig(sign(0)), new Witness.Older())));
    assertThat(check(swap, earlyRefund))
        .isEqualTo(reject("OLDER at /1/1: the spent output is 10 blocks old, below 144"));
  }

  private static int indexOf(Ed25519PublicKey key) {
    for (int i = 0; ; i++) {
      if (key(i).equals(key)) {
        return i;
      }
    }
  }
}
