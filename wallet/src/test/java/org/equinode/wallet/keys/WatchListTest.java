package org.equinode.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.equinode.chain.lock.Lock;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.equinode.testing.Mutations;
import org.equinode.wallet.TestSecrets;
import org.equinode.wallet.WalletException;
import org.junit.jupiter.api.Test;

class WatchListTest {
  private final WalletSecrets secrets = TestSecrets.secrets();

  private WatchedLock escrow() {
    return new WatchedLock(
        Lock.Multi.sorted(
            2,
            List.of(
                secrets.receiveKey(0).publicKey(),
                secrets.receiveKey(1).publicKey(),
                TestSecrets.other().receiveKey(0).publicKey())),
        Optional.of(new Label("escrow")));
  }

  private WatchedLock hashTimeLock() {
    Lock lock =
        new Lock.Or(
            List.of(
                new Lock.And(
                    List.of(
                        new Lock.Sig(secrets.receiveKey(2).publicKey()),
                        new Lock.HashLock(Hash32.ZERO))),
                new Lock.And(
                    List.of(
                        new Lock.Sig(TestSecrets.other().receiveKey(1).publicKey()),
                        new Lock.After(500)))));
    return new WatchedLock(lock, Optional.empty());
  }

  @Test
  void watchesEachLockOnceAndFindsItByHash() {
    WatchList list = new WatchList();
    assertThat(list.add(escrow())).isTrue();
    assertThat(list.add(escrow())).isFalse();
    assertThat(list.add(hashTimeLock())).isTrue();
    assertThat(list.get(escrow().hash())).contains(escrow());
    assertThat(list.all()).containsExactly(escrow(), hashTimeLock());
  }

  @Test
  void roundTripAndMutations() {
    WatchList list = new WatchList();
    list.add(escrow());
    list.add(hashTimeLock());
    byte[] bytes = encode(list);
    assertThat(decode(bytes)).isEqualTo(list);
    assertThat(Mutations.check(bytes, b -> encode(decode(b)), 9, 1500)).isPositive();
  }

  @Test
  void labelsAreOneLineOfText() {
    assertThatThrownBy(() -> new Label(""))
        .isInstanceOf(WalletException.class)
        .hasMessage("a label has 1 to 100 characters, got 0");
    assertThatThrownBy(() -> new Label("a\nb"))
        .isInstanceOf(WalletException.class)
        .hasMessage("a label has a control character");
    assertThatThrownBy(() -> new Label("\ud800"))
        .isInstanceOf(WalletException.class)
        .hasMessage("a label is not well-formed Unicode (a lone surrogate)");
  }

  private static byte[] encode(WatchList list) {
    ByteWriter writer = ByteWriter.unbounded();
    list.write(writer);
    return writer.toByteArray();
  }

  private static WatchList decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    WatchList list = WatchList.read(reader);
    reader.expectEnd("watch list");
    return list;
  }
}
