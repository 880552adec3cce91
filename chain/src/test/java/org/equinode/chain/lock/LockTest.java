package org.equinode.chain.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equinode.chain.TestKeys.key;
import static org.equinode.chain.lock.SampleLocks.leaves;

import java.util.ArrayList;
import java.util.List;
import org.equinode.chain.ChainHashes;
import org.equinode.chain.TestKeys;
import org.equinode.crypto.Ed25519PublicKey;
import org.junit.jupiter.api.Test;

class LockTest {
  @Test
  void multiThresholdMustBeWithinItsKeys() {
    List<Ed25519PublicKey> keys = Lock.Multi.sorted(1, TestKeys.keys(3)).keys();
    assertThatThrownBy(() -> new Lock.Multi(0, keys))
        .isInstanceOf(LockException.class)
        .hasMessage("MULTI threshold 0 is outside 1..3 (the number of keys)");
    assertThatThrownBy(() -> new Lock.Multi(4, keys)).isInstanceOf(LockException.class);
    assertThatThrownBy(() -> new Lock.Multi(1, List.of()))
        .hasMessage("MULTI has 0 keys, expected 1..20");
    assertThat(new Lock.Multi(3, keys).keyCount()).isEqualTo(3);
  }

  @Test
  void multiKeysMustBeDistinctAndSorted() {
    List<Ed25519PublicKey> sorted = Lock.Multi.sorted(1, TestKeys.keys(3)).keys();
    List<Ed25519PublicKey> reversed = new ArrayList<>(sorted.reversed());
    assertThatThrownBy(() -> new Lock.Multi(1, reversed))
        .isInstanceOf(LockException.class)
        .hasMessage(
            "MULTI keys must be distinct and in ascending byte order: key 1 is not above key 0");
    assertThatThrownBy(() -> Lock.Multi.sorted(1, List.of(key(0), key(0))))
        .isInstanceOf(LockException.class);
    assertThat(Lock.Multi.sorted(2, reversed)).isEqualTo(new Lock.Multi(2, sorted));
  }

  @Test
  void multiKeysAreLimited() {
    assertThat(Lock.Multi.sorted(1, TestKeys.keys(Lock.MAX_MULTI_KEYS)).keyCount()).isEqualTo(20);
    assertThatThrownBy(() -> Lock.Multi.sorted(1, TestKeys.keys(Lock.MAX_MULTI_KEYS + 1)))
        .hasMessage("MULTI has 21 keys, expected 1..20");
  }

  @Test
  void heightsStartAtOne() {
    assertThatThrownBy(() -> new Lock.After(0))
        .hasMessage("AFTER height 0 is outside 1..2147483647");
    assertThatThrownBy(() -> new Lock.Older(-1)).isInstanceOf(LockException.class);
    assertThat(new Lock.After(Lock.MAX_HEIGHT).height()).isEqualTo(Integer.MAX_VALUE);
    assertThat(new Lock.Older(1).blocks()).isEqualTo(1);
  }

  @Test
  void compositesNeedTwoToSixteenChildren() {
    assertThatThrownBy(() -> new Lock.And(leaves(1)))
        .hasMessage("AND has 1 children, expected 2..16");
    assertThatThrownBy(() -> new Lock.Or(List.of())).isInstanceOf(LockException.class);
    assertThatThrownBy(() -> new Lock.Or(leaves(17)))
        .hasMessage("OR has 17 children, expected 2..16");
    assertThat(new Lock.Or(leaves(16)).nodeCount()).isEqualTo(17);
  }

  @Test
  void threshThresholdMustBeWithinItsChildren() {
    assertThatThrownBy(() -> new Lock.Thresh(0, leaves(3)))
        .hasMessage("THRESH threshold 0 is outside 1..3 (the number of children)");
    assertThatThrownBy(() -> new Lock.Thresh(4, leaves(3))).isInstanceOf(LockException.class);
    assertThat(new Lock.Thresh(3, leaves(3)).k()).isEqualTo(3);
  }

  @Test
  void depthIsLimited() {
    assertThat(SampleLocks.deep(Lock.MAX_DEPTH).depth()).isEqualTo(8);
    assertThatThrownBy(() -> SampleLocks.deep(Lock.MAX_DEPTH + 1))
        .isInstanceOf(LockException.class)
        .hasMessage("AND makes the lock deeper than MAX_DEPTH 8");
  }

  @Test
  void nodesAreLimited() {
    List<Lock> children = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      children.add(new Lock.And(leaves(15)));
    }
    children.add(new Lock.And(leaves(2)));
    children.addAll(leaves(12));
    assertThat(new Lock.And(children).nodeCount()).isEqualTo(Lock.MAX_NODES);

    children.set(3, new Lock.And(leaves(3)));
    assertThatThrownBy(() -> new Lock.And(children))
        .hasMessage("AND makes a lock of 65 nodes, above MAX_NODES 64");
  }

  @Test
  void keysAreLimited() {
    Lock twenty = Lock.Multi.sorted(1, TestKeys.keys(20));
    Lock twelve = Lock.Multi.sorted(1, TestKeys.keys(12));
    Lock thirteen = Lock.Multi.sorted(1, TestKeys.keys(13));
    assertThat(new Lock.Or(List.of(twenty, twelve)).keyCount()).isEqualTo(Lock.MAX_KEYS);
    assertThatThrownBy(() -> new Lock.Or(List.of(twenty, thirteen)))
        .hasMessage("OR makes a lock of 33 keys, above MAX_KEYS 32");
  }

  @Test
  void theLargestLocksFitTheEncodingLimit() {
    // Every key and as many 33-byte hash nodes as the node limit leaves room for.
    List<Lock> children = new ArrayList<>();
    children.add(Lock.Multi.sorted(1, TestKeys.keys(20)));
    children.add(Lock.Multi.sorted(1, TestKeys.keys(12)));
    for (int i = 0; i < 3; i++) {
      List<Lock> hashes = new ArrayList<>();
      for (int j = 0; j < 15; j++) {
        hashes.add(new Lock.HashLock(SampleLocks.DIGEST));
      }
      children.add(new Lock.And(hashes));
    }
    children.add(new Lock.And(List.of(new Lock.HashLock(SampleLocks.DIGEST), new Lock.Older(7))));
    children.addAll(leaves(10));
    Lock big = new Lock.And(children);
    assertThat(big.nodeCount()).isEqualTo(Lock.MAX_NODES);
    assertThat(big.encode().length).isLessThan(Lock.MAX_ENCODED_SIZE);
  }

  @Test
  void hashIsTheTaggedHashOfTheEncoding() {
    Lock lock = SampleLocks.everyKind();
    assertThat(lock.hash().hash()).isEqualTo(ChainHashes.LOCK.hash(lock.encode()));
    assertThat(lock.hash()).isNotEqualTo(new Lock.Sig(key(0)).hash());
  }
}
