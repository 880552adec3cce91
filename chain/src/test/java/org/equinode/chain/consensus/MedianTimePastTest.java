package org.equinode.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTimePastTest {
  @Test
  void isTheMiddleOfElevenInAnyOrder() {
    assertThat(MedianTimePast.of(List.of(11L, 3L, 7L, 1L, 9L, 5L, 2L, 10L, 4L, 8L, 6L)))
        .isEqualTo(6);
  }

  @Test
  void takesTheLaterMiddleOfAnEvenCount() {
    assertThat(MedianTimePast.of(List.of(1L, 2L, 3L, 4L))).isEqualTo(3);
    assertThat(MedianTimePast.of(List.of(5L, 1L))).isEqualTo(5);
  }

  @Test
  void isTheOnlyTimeAfterGenesis() {
    assertThat(MedianTimePast.of(List.of(1_795_219_200L))).isEqualTo(1_795_219_200L);
  }

  @Test
  void refusesNoTimes() {
    assertThatThrownBy(() -> MedianTimePast.of(List.of())).isInstanceOf(ConsensusException.class);
  }
}
