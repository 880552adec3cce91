package org.equinode.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.tx.TxOut;
import org.equinode.common.Hash32;
import org.equinode.testing.Mutations;
import org.equinode.wallet.keys.Label;
import org.equinode.wallet.keys.WatchedLock;
import org.equinode.wallet.spend.Contracts;
import org.junit.jupiter.api.Test;

/** The whole public section: every part together, as the file stores it. */
class WalletStateTest {
  private static WalletState sample() {
    WalletState state = WalletState.create(TestSecrets.secrets(), TestContexts.MATURITY);
    state.keys.issue(Optional.of(new Label("first")));
    state.keys.issue(Optional.empty());
    Lock escrow =
        Contracts.escrow(
            2, List.of(state.keys.key(1), TestSecrets.other().receiveKey(0).publicKey()));
    state.watched.add(new WatchedLock(escrow, Optional.of(new Label("deal"))));
    state.hashes.createOwn(TestSecrets.secrets());
    state.hashes.learn(Hash32.ZERO);
    LockHash mine = state.keys.lock(0).hash();
    TestBlocks.Chain chain = new TestBlocks.Chain();
    state.ledger.connect(0, chain.mine(mine));
    state.ledger.connect(
        1,
        chain.mine(
            TestBlocks.STRANGER,
            TestBlocks.payment("a", new TxOut(Amount.ofEq(3), escrow.hash()))));
    state.ledger.addPending(TestBlocks.payment("b", new TxOut(Amount.ofEq(1), mine)), 5);
    return state;
  }

  @Test
  void roundTrip() {
    byte[] bytes = sample().encode();
    WalletState again = WalletState.decode(bytes, TestContexts.MATURITY);
    assertThat(again.encode()).isEqualTo(bytes);
    assertThat(again.keys).isEqualTo(sample().keys);
    assertThat(again.watched).isEqualTo(sample().watched);
    assertThat(again.hashes).isEqualTo(sample().hashes);
    assertThat(again.ledger.balance()).isEqualTo(sample().ledger.balance());
    assertThat(again.ledger.balance().contracts()).isEqualTo(Amount.ofEq(3));
  }

  @Test
  void mutatedBytesDecodeCanonicallyOrAreRefused() {
    byte[] bytes = sample().encode();
    int refused =
        Mutations.check(
            bytes, b -> WalletState.decode(b, TestContexts.MATURITY).encode(), 41, 3000);
    assertThat(refused).isGreaterThan(2000);
  }
}
