package org.equinode.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void thenChainsAcceptancesAndPassesRejectionsThrough() {
    Verdict<Integer> two = Verdict.accept(2);
    assertThat(two.then(n -> Verdict.accept(n * 3))).isEqualTo(Verdict.accept(6));
    Verdict<Integer> rejected = Verdict.reject(RejectReason.HIGH_HASH, "block 00..: too high");
    assertThat(rejected.then(n -> Verdict.accept("never")))
        .isEqualTo(Verdict.<String>reject(RejectReason.HIGH_HASH, "block 00..: too high"));
    assertThat(rejected.isAccepted()).isFalse();
    assertThat(rejected.rejectReason()).contains(RejectReason.HIGH_HASH);
    assertThat(two.rejectReason()).isEmpty();
    assertThat(rejected.toString()).isEqualTo("high-hash: block 00..: too high");
  }

  @Test
  void orElseThrowIsForCallersToWhomARejectionIsABug() {
    assertThat(Verdict.accept("ok").orElseThrow()).isEqualTo("ok");
    assertThatThrownBy(() -> Verdict.reject(RejectReason.OVERSPEND, "tx 1").orElseThrow())
        .isInstanceOf(ConsensusException.class)
        .hasMessage("rejected: bad-txns-in-belowout: tx 1");
  }

  @Test
  void everyReasonHasItsOwnCode() {
    Set<String> codes = new HashSet<>();
    Arrays.stream(RejectReason.values()).forEach(reason -> codes.add(reason.code()));
    assertThat(codes).hasSameSizeAs(RejectReason.values());
  }

  @Test
  void onlyMismatchedBodiesAndTheClockSpareTheHeader() {
    assertThat(RejectReason.BAD_MERKLE_ROOT.kind()).isEqualTo(RejectReason.Kind.BODY_MISMATCH);
    assertThat(RejectReason.BAD_WITNESS_ROOT.kind()).isEqualTo(RejectReason.Kind.BODY_MISMATCH);
    assertThat(RejectReason.BAD_ENCODING.kind()).isEqualTo(RejectReason.Kind.BODY_MISMATCH);
    assertThat(RejectReason.TIME_TOO_NEW.kind()).isEqualTo(RejectReason.Kind.TEMPORARY);
    assertThat(RejectReason.DUPLICATE_TX.kind()).isEqualTo(RejectReason.Kind.PERMANENT);
  }
}
