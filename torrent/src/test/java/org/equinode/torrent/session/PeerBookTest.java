package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.equinode.torrent.PeerId;
import org.junit.jupiter.api.Test;

class PeerBookTest {
  private static final long SECOND = 1_000_000_000L;

  private static InetSocketAddress at(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  private static PeerId id(String twenty) {
    return PeerId.of(twenty.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void dialsEachAddressOnceUntilItIsDisconnected() {
    PeerBook book = new PeerBook();
    assertThat(book.add(at(1000))).isTrue();
    assertThat(book.add(at(1000))).isFalse();
    assertThat(book.add(at(1001))).isTrue();
    assertThat(book.takeForDialing(1, 0)).containsExactly(at(1000));
    assertThat(book.takeForDialing(5, 0)).containsExactly(at(1001));
    assertThat(book.takeForDialing(5, 0)).isEmpty();
    book.connected(at(1000));
    book.disconnected(at(1000), false, 0);
    assertThat(book.takeForDialing(5, SECOND)).isEmpty();
    assertThat(book.takeForDialing(5, PeerBook.RETRY_BASE.toNanos())).containsExactly(at(1000));
  }

  @Test
  void waitsTwiceAsLongAfterEachFailureAndForgetsAnAddressThatNeverAnswers() {
    PeerBook book = new PeerBook();
    book.add(at(2000));
    long now = 0;
    for (int failure = 1; failure < PeerBook.MAX_FAILURES; failure++) {
      assertThat(book.takeForDialing(1, now)).containsExactly(at(2000));
      book.disconnected(at(2000), true, now);
      long wait =
          Math.min(PeerBook.RETRY_BASE.toNanos() << (failure - 1), PeerBook.RETRY_MAX.toNanos());
      assertThat(book.takeForDialing(1, now + wait - 1)).isEmpty();
      now += wait;
    }
    assertThat(book.takeForDialing(1, now)).containsExactly(at(2000));
    book.disconnected(at(2000), true, now);
    assertThat(book.size()).isZero();
  }

  @Test
  void aBannedPeerIsNeitherDialedNorAcceptedAgain() {
    PeerBook book = new PeerBook();
    PeerId liar = id("-FK0001-fakefakefake");
    book.add(at(3000));
    assertThat(book.takeForDialing(1, 0)).containsExactly(at(3000));
    book.ban(at(3000), liar);
    book.disconnected(at(3000), true, 0);
    assertThat(book.isBanned(at(3000))).isTrue();
    assertThat(book.isBanned(liar)).isTrue();
    assertThat(book.isBanned(id("-EQ0010-honesthonest"))).isFalse();
    assertThat(book.add(at(3000))).isFalse();
    assertThat(book.takeForDialing(5, 100 * SECOND)).isEmpty();
    assertThat(book.bannedCount()).isEqualTo(1);
    assertThat(book.size()).isZero();
  }

  @Test
  void neverDialsItselfAndRemembersPeersThatDropEncryption() {
    PeerBook book = new PeerBook();
    book.excludeSelf(at(4000));
    assertThat(book.add(at(4000))).isFalse();
    assertThat(book.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))).isFalse();
    book.add(at(4001));
    assertThat(book.isPlainOnly(at(4001))).isFalse();
    book.markPlainOnly(at(4001));
    assertThat(book.isPlainOnly(at(4001))).isTrue();
  }
}
