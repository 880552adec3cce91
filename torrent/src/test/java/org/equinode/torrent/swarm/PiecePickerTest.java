package org.equinode.torrent.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.PieceSet;
import org.junit.jupiter.api.Test;

class PiecePickerTest {
  private static final int BLOCK = PieceLayout.BLOCK_LENGTH;

  /** Ten pieces of four blocks, the last piece two blocks (one full, one of 100 bytes). */
  private static final PieceLayout LAYOUT =
      new PieceLayout(9L * 4 * BLOCK + BLOCK + 100, 4 * BLOCK);

  private static final int PIECES = LAYOUT.pieceCount();
  private static final ConnectionId A = new ConnectionId(1);
  private static final ConnectionId B = new ConnectionId(2);
  private static final ConnectionId C = new ConnectionId(3);
  private static final ConnectionId D = new ConnectionId(4);

  private static PiecePicker picker(PieceSet have) {
    return new PiecePicker(LAYOUT, have, PieceSet.all(PIECES), SeededRandom.of(1));
  }

  /** A picker past the random-first phase: pieces 0..3 verified. */
  private static PiecePicker pastRandomFirst() {
    return picker(PieceSet.of(PIECES, 0, 1, 2, 3));
  }

  private static Arrival deliver(PiecePicker picker, ConnectionId peer, BlockRequest block) {
    return picker.received(peer, block.piece(), block.begin(), block.length());
  }

  private static Set<Integer> pieces(List<BlockRequest> blocks) {
    Set<Integer> out = new HashSet<>();
    blocks.forEach(b -> out.add(b.piece()));
    return out;
  }

  @Test
  void continuesAPartialPieceBeforeStartingAnother() {
    PiecePicker picker = pastRandomFirst();
    picker.peerJoined(A, PieceSet.all(PIECES).without(9));
    picker.peerJoined(B, PieceSet.all(PIECES).without(9));
    List<BlockRequest> first = picker.pick(A, 1);
    assertThat(first).hasSize(1);
    int piece = first.get(0).piece();
    List<BlockRequest> next = picker.pick(B, 3);
    assertThat(next).extracting(BlockRequest::piece).containsOnly(piece);
    assertThat(next).extracting(BlockRequest::begin).containsExactly(BLOCK, 2 * BLOCK, 3 * BLOCK);
  }

  @Test
  void picksTheRarestPieceFirst() {
    PiecePicker picker = pastRandomFirst();
    // Availability of the needed pieces 4..9: 9 rarest (one peer), then 8, then the rest.
    picker.peerJoined(A, PieceSet.all(PIECES));
    picker.peerJoined(B, PieceSet.of(PIECES, 4, 5, 6, 7, 8));
    picker.peerJoined(C, PieceSet.of(PIECES, 4, 5, 6, 7));
    assertThat(picker.availability(9)).isEqualTo(1);
    assertThat(picker.availability(8)).isEqualTo(2);
    assertThat(picker.availability(4)).isEqualTo(3);
    assertThat(pieces(picker.pick(A, 2))).containsExactly(9);
    assertThat(pieces(picker.pick(A, 4))).containsExactly(8);
    assertThat(pieces(picker.pick(A, 4))).isSubsetOf(4, 5, 6, 7).hasSize(1);
  }

  @Test
  void aPeerWithFewPiecesGetsTheRarestOfThem() {
    PieceLayout layout = new PieceLayout(100L * BLOCK, BLOCK);
    PiecePicker picker =
        new PiecePicker(
            layout, PieceSet.of(100, 0, 1, 2, 3), PieceSet.all(100), SeededRandom.of(9));
    picker.peerJoined(A, PieceSet.of(100, 10, 20, 30));
    picker.peerJoined(B, PieceSet.of(100, 20, 30));
    picker.peerJoined(C, PieceSet.of(100, 30, 40));
    picker.peerJoined(D, PieceSet.of(100, 20, 30, 40, 50));
    assertThat(picker.pick(A, 1)).containsExactly(layout.block(10, 0));
    assertThat(picker.pick(A, 1)).containsExactly(layout.block(20, 0));
    assertThat(picker.pick(A, 5)).containsExactly(layout.block(30, 0));
    assertThat(picker.pick(D, 5)).containsExactly(layout.block(50, 0), layout.block(40, 0));
  }

  @Test
  void breaksTiesAtRandom() {
    Set<Integer> firstPicks = new HashSet<>();
    for (long seed = 0; seed < 30; seed++) {
      PiecePicker picker =
          new PiecePicker(
              LAYOUT, PieceSet.of(PIECES, 0, 1, 2, 3), PieceSet.all(PIECES), SeededRandom.of(seed));
      picker.peerJoined(A, PieceSet.all(PIECES));
      firstPicks.add(picker.pick(A, 1).get(0).piece());
    }
    assertThat(firstPicks).hasSizeGreaterThan(3).isSubsetOf(4, 5, 6, 7, 8, 9);
  }

  @Test
  void picksRandomRatherThanRarestPiecesAtFirst() {
    int rareFirst = 0;
    for (long seed = 0; seed < 40; seed++) {
      PiecePicker picker =
          new PiecePicker(
              LAYOUT, PieceSet.none(PIECES), PieceSet.all(PIECES), SeededRandom.of(seed));
      picker.peerJoined(A, PieceSet.all(PIECES));
      picker.peerJoined(B, PieceSet.all(PIECES).without(7));
      if (picker.pick(A, 1).get(0).piece() == 7) {
        rareFirst++;
      }
    }
    // Rarest first would pick piece 7 every time; random picks it about one time in ten.
    assertThat(rareFirst).isBetween(1, 15);
  }

  @Test
  void sequentialModePicksInOrder() {
    PiecePicker picker = picker(PieceSet.of(PIECES, 1));
    picker.setSequential(true);
    picker.peerJoined(A, PieceSet.all(PIECES));
    picker.peerJoined(B, PieceSet.all(PIECES).without(0));
    assertThat(picker.pick(A, 6))
        .containsExactly(
            LAYOUT.block(0, 0),
            LAYOUT.block(0, 1),
            LAYOUT.block(0, 2),
            LAYOUT.block(0, 3),
            LAYOUT.block(2, 0),
            LAYOUT.block(2, 1));
    assertThat(picker.pick(B, 3))
        .containsExactly(LAYOUT.block(2, 2), LAYOUT.block(2, 3), LAYOUT.block(3, 0));
  }

  @Test
  void picksOnlyPiecesThePeerHasAndWeNeed() {
    PiecePicker picker = pastRandomFirst();
    picker.peerJoined(A, PieceSet.of(PIECES, 0, 1, 5));
    assertThat(picker.isInteresting(A)).isTrue();
    assertThat(pieces(picker.pick(A, 100))).containsExactly(5);
    assertThat(picker.pick(A, 100)).isEmpty();
    picker.peerJoined(B, PieceSet.of(PIECES, 2, 3));
    assertThat(picker.isInteresting(B)).isFalse();
    assertThat(picker.pick(B, 10)).isEmpty();
    assertThat(picker.peerHave(B, 6)).isTrue();
    assertThat(picker.peerHave(B, 6)).isFalse();
    assertThat(picker.isInteresting(B)).isTrue();
    assertThat(pieces(picker.pick(B, 10))).containsExactly(6);
  }

  @Test
  void allowedFastPicksOnlyThosePieces() {
    PiecePicker picker = pastRandomFirst();
    picker.peerJoined(A, PieceSet.all(PIECES));
    assertThat(pieces(picker.pickAllowedFast(A, 100, PieceSet.of(PIECES, 2, 6))))
        .containsExactly(6);
  }

  @Test
  void endgameRequestsTheLastBlocksTwiceAndCancelsTheDuplicate() {
    PiecePicker picker = picker(PieceSet.all(PIECES).without(9));
    picker.peerJoined(A, PieceSet.all(PIECES));
    picker.peerJoined(B, PieceSet.all(PIECES));
    picker.peerJoined(C, PieceSet.all(PIECES));
    picker.peerJoined(D, PieceSet.all(PIECES));
    List<BlockRequest> fromA = picker.pick(A, 10);
    assertThat(fromA).containsExactly(LAYOUT.block(9, 0), LAYOUT.block(9, 1));
    assertThat(picker.inEndgame()).isTrue();
    assertThat(picker.pick(A, 10)).isEmpty();
    assertThat(picker.pick(B, 10)).isEqualTo(fromA);
    assertThat(picker.pick(C, 1)).containsExactly(LAYOUT.block(9, 0));
    assertThat(picker.pick(D, 10)).containsExactly(LAYOUT.block(9, 1));
    assertThat(picker.pick(D, 10)).isEmpty();

    Arrival arrival = deliver(picker, B, LAYOUT.block(9, 0));
    assertThat(arrival)
        .isEqualTo(
            new Arrival.Accepted(
                false,
                List.of(
                    new PeerRequest(A, LAYOUT.block(9, 0)),
                    new PeerRequest(C, LAYOUT.block(9, 0)))));
    assertThat(picker.outstanding(A)).containsExactly(LAYOUT.block(9, 1));
    assertThat(deliver(picker, A, LAYOUT.block(9, 0)))
        .isEqualTo(new Arrival.Ignored(Arrival.Reason.NOT_NEEDED));
    assertThat(deliver(picker, D, LAYOUT.block(9, 1)))
        .isEqualTo(
            new Arrival.Accepted(
                true,
                List.of(
                    new PeerRequest(A, LAYOUT.block(9, 1)),
                    new PeerRequest(B, LAYOUT.block(9, 1)))));
    picker.pieceVerified(9);
    assertThat(picker.isFinished()).isTrue();
    assertThat(picker.inEndgame()).isFalse();
    for (ConnectionId peer : List.of(A, B, C, D)) {
      assertThat(picker.outstanding(peer)).isEmpty();
    }
  }

  @Test
  void noEndgameWhileABlockIsOpenAnywhere() {
    PiecePicker picker = picker(PieceSet.all(PIECES).without(8).without(9));
    picker.peerJoined(A, PieceSet.all(PIECES));
    picker.peerJoined(B, PieceSet.of(PIECES, 9));
    assertThat(picker.pick(B, 10)).hasSize(2);
    assertThat(picker.pick(A, 2)).hasSize(2);
    assertThat(picker.inEndgame()).isFalse();
    picker.peerJoined(C, PieceSet.of(PIECES, 9));
    assertThat(picker.pick(C, 10)).isEmpty();
  }

  @Test
  void aLeavingPeersRequestsGoBack() {
    PiecePicker picker = pastRandomFirst();
    picker.peerJoined(A, PieceSet.all(PIECES));
    picker.peerJoined(B, PieceSet.of(PIECES, 4));
    List<BlockRequest> fromA = picker.pick(A, 2);
    deliver(picker, A, fromA.get(0));
    assertThat(picker.availability(4)).isEqualTo(2);
    assertThat(picker.peerLeft(A)).containsExactly(fromA.get(1));
    assertThat(picker.availability(4)).isEqualTo(1);
    assertThat(picker.availability(5)).isZero();
    picker.peerJoined(C, PieceSet.all(PIECES));
    assertThat(picker.pick(C, 1)).containsExactly(fromA.get(1));
    assertThatThrownBy(() -> picker.pick(A, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("unknown peer#1");
  }

  @Test
  void rejectedTimedOutAndReleasedRequestsGoBack() {
    PiecePicker picker = pastRandomFirst();
    picker.peerJoined(A, PieceSet.of(PIECES, 5));
    picker.peerJoined(B, PieceSet.of(PIECES, 5));
    List<BlockRequest> fromA = picker.pick(A, 3);
    assertThat(picker.rejected(A, fromA.get(0))).isTrue();
    assertThat(picker.rejected(A, fromA.get(0))).isFalse();
    assertThat(picker.timeout(A, fromA.get(1))).isTrue();
    assertThat(picker.outstanding(A)).containsExactly(fromA.get(2));
    assertThat(picker.pick(B, 2)).containsExactly(fromA.get(0), fromA.get(1));
    assertThat(picker.release(A)).containsExactly(fromA.get(2));
    assertThat(picker.outstandingCount(A)).isZero();
    assertThat(picker.pick(B, 1)).containsExactly(fromA.get(2));
  }

  @Test
  void lateDataAfterATimeoutIsStillTaken() {
    PiecePicker picker = pastRandomFirst();
    picker.peerJoined(A, PieceSet.of(PIECES, 5));
    picker.peerJoined(B, PieceSet.of(PIECES, 5));
    BlockRequest block = picker.pick(A, 1).get(0);
    picker.timeout(A, block);
    assertThat(picker.pick(B, 1)).containsExactly(block);
    assertThat(deliver(picker, A, block))
        .isEqualTo(new Arrival.Accepted(false, List.of(new PeerRequest(B, block))));
    assertThat(picker.outstandingCount(B)).isZero();
  }

  @Test
  void aFailedPieceOpensAgainAndNamesItsContributors() {
    PiecePicker picker = pastRandomFirst();
    picker.peerJoined(A, PieceSet.of(PIECES, 5, 6));
    picker.peerJoined(B, PieceSet.of(PIECES, 5, 6));
    List<BlockRequest> fromA = picker.pick(A, 3);
    List<BlockRequest> fromB = picker.pick(B, 1);
    int piece = fromA.get(0).piece();
    assertThat(fromB.get(0).piece()).isEqualTo(piece);
    fromA.forEach(b -> assertThat(deliver(picker, A, b)).isInstanceOf(Arrival.Accepted.class));
    assertThatThrownBy(() -> picker.pieceVerified(piece))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("piece " + piece + " is not complete: 3 of 4 blocks arrived");
    assertThat(deliver(picker, B, fromB.get(0))).isEqualTo(new Arrival.Accepted(true, List.of()));

    HashFailure failure = picker.pieceFailed(piece);
    assertThat(failure.piece()).isEqualTo(piece);
    assertThat(failure.blocksByPeer()).isEqualTo(Map.of(A, 3, B, 1));
    assertThat(failure.contributors()).containsExactly(A, B);
    assertThat(failure.soleContributor()).isEmpty();

    picker.peerLeft(A);
    picker.peerLeft(B);
    picker.peerJoined(C, PieceSet.of(PIECES, piece));
    List<BlockRequest> again = picker.pick(C, 10);
    assertThat(again).hasSize(4).allMatch(b -> b.piece() == piece);
    again.forEach(b -> deliver(picker, C, b));
    assertThat(picker.pieceFailed(piece).soleContributor()).contains(C);
  }

  @Test
  void dataThatIsNotABlockIsRefused() {
    PiecePicker picker = pastRandomFirst();
    picker.peerJoined(A, PieceSet.all(PIECES));
    Arrival notABlock = new Arrival.Ignored(Arrival.Reason.NOT_A_BLOCK);
    assertThat(picker.received(A, 4, 1, BLOCK)).isEqualTo(notABlock);
    assertThat(picker.received(A, 4, 0, BLOCK - 1)).isEqualTo(notABlock);
    assertThat(picker.received(A, 9, BLOCK, BLOCK)).isEqualTo(notABlock);
    assertThat(picker.received(A, 10, 0, BLOCK)).isEqualTo(notABlock);
    assertThat(picker.received(A, -1, 0, BLOCK)).isEqualTo(notABlock);
    assertThat(picker.received(A, 4, Integer.MIN_VALUE, BLOCK)).isEqualTo(notABlock);
    assertThat(picker.received(A, 0, 0, BLOCK))
        .isEqualTo(new Arrival.Ignored(Arrival.Reason.NOT_NEEDED));
  }

  @Test
  void unsolicitedNeededDataIsTaken() {
    PiecePicker picker = pastRandomFirst();
    picker.peerJoined(A, PieceSet.all(PIECES));
    assertThat(picker.received(A, 9, BLOCK, 100)).isEqualTo(new Arrival.Accepted(false, List.of()));
    assertThat(picker.received(A, 9, BLOCK, 100))
        .isEqualTo(new Arrival.Ignored(Arrival.Reason.NOT_NEEDED));
    assertThat(picker.pick(A, 10)).startsWith(LAYOUT.block(9, 0));
  }

  @Test
  void unwantedPiecesAreNotPickedAndTheirRequestsCancelled() {
    PiecePicker picker =
        new PiecePicker(
            LAYOUT,
            PieceSet.of(PIECES, 0, 1, 2, 3),
            PieceSet.of(PIECES, 0, 1, 2, 3, 4, 5),
            SeededRandom.of(3));
    picker.peerJoined(A, PieceSet.all(PIECES));
    List<BlockRequest> fromA = picker.pick(A, 5);
    assertThat(pieces(fromA)).containsExactlyInAnyOrder(4, 5);
    int full = fromA.get(0).piece();
    int started = fromA.get(4).piece();
    deliver(picker, A, fromA.get(4));

    List<PeerRequest> cancels = picker.setWanted(PieceSet.of(PIECES, 0, 1, 2, 3, 7));
    assertThat(cancels)
        .extracting(PeerRequest::block)
        .containsExactlyElementsOf(fromA.subList(0, 4));
    assertThat(picker.outstanding(A)).isEmpty();
    assertThat(picker.wanted()).isEqualTo(PieceSet.of(PIECES, 0, 1, 2, 3, 7));
    assertThat(pieces(picker.pick(A, 100))).containsExactly(7);

    picker.setWanted(PieceSet.all(PIECES));
    List<BlockRequest> rest = picker.pick(A, 3);
    assertThat(rest).extracting(BlockRequest::piece).containsOnly(started);
    assertThat(rest).doesNotContain(fromA.get(4));
    assertThat(full).isNotEqualTo(started);
  }

  @Test
  void aPeerThatCompletesCountsAsASeed() {
    PiecePicker picker = pastRandomFirst();
    picker.peerJoined(A, PieceSet.all(PIECES).without(5));
    picker.peerJoined(B, PieceSet.of(PIECES, 5));
    assertThat(picker.availability(5)).isEqualTo(1);
    picker.peerHave(A, 5);
    assertThat(picker.availability(5)).isEqualTo(2);
    assertThat(picker.availability(4)).isEqualTo(1);
    picker.peerLeft(A);
    assertThat(picker.availability(5)).isEqualTo(1);
    assertThat(picker.availability(4)).isZero();
  }

  @Test
  void refusesMisuse() {
    PiecePicker picker = pastRandomFirst();
    picker.peerJoined(A, PieceSet.all(PIECES));
    assertThatThrownBy(() -> picker.peerJoined(A, PieceSet.all(PIECES)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("peer#1 joined twice");
    assertThatThrownBy(() -> picker.peerJoined(B, PieceSet.all(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peer#2 has a set over 3 pieces, the layout has 10");
    assertThatThrownBy(() -> picker.peerHave(A, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("piece 10 is outside 0..9");
    assertThatThrownBy(() -> picker.pieceFailed(7))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("piece 7 is not complete: 0 of 4 blocks arrived");
    assertThat(picker.pick(A, 0)).isEmpty();
    assertThat(picker.pick(A, -5)).isEmpty();
  }
}
