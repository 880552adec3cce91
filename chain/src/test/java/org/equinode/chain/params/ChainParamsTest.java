package org.equinode.chain.params;

import static org.assertj.core.api.Assertions.assertThat;

import org.equinode.chain.Amount;
import org.equinode.common.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChainParamsTest {
  @Test
  void mainAndTestAimAtOneMinuteDevAtOneSecond() {
    assertThat(ChainParams.of(Network.MAIN).targetSpacing()).isEqualTo(60);
    assertThat(ChainParams.of(Network.TEST).targetSpacing()).isEqualTo(60);
    assertThat(ChainParams.of(Network.DEV).targetSpacing()).isEqualTo(1);
  }

  @Test
  void halfLivesAreChosenPerNetwork() {
    assertThat(ChainParams.of(Network.MAIN).asertHalfLife()).isEqualTo(43_200);
    assertThat(ChainParams.of(Network.TEST).asertHalfLife()).isEqualTo(3_600);
    assertThat(ChainParams.of(Network.DEV).asertHalfLife()).isEqualTo(300);
  }

  @Test
  void devIsMuchEasierThanMainAndTest() {
    var dev = ChainParams.of(Network.DEV).powLimit().target();
    var main = ChainParams.of(Network.MAIN).powLimit().target();
    assertThat(dev.bitLength()).isEqualTo(248);
    assertThat(main.bitLength()).isEqualTo(236);
    assertThat(ChainParams.of(Network.TEST).powLimit())
        .isEqualTo(ChainParams.of(Network.MAIN).powLimit());
  }

  @ParameterizedTest
  @EnumSource(Network.class)
  void sharedRules(Network network) {
    ChainParams params = ChainParams.of(network);
    assertThat(params.network()).isEqualTo(network);
    assertThat(params.subsidyAt(0)).isEqualTo(Amount.ofEq(50));
    assertThat(params.coinbaseMaturity()).isEqualTo(100);
    assertThat(params.maxFutureBlockTime()).isEqualTo(600);
    assertThat(params.medianTimeSpan()).isEqualTo(11);
    assertThat(params.genesisTime()).isEqualTo(params.genesis().header().time());
  }
}
