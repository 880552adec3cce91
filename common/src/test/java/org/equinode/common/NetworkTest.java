package org.equinode.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkTest {
  @Test
  void parsesShortNamesInAnyCase() {
    assertThat(Network.parse("dev")).isEqualTo(Network.DEV);
    assertThat(Network.parse("TEST")).isEqualTo(Network.TEST);
    assertThat(Network.MAIN.addressPrefix()).isEqualTo("eq");
    assertThatThrownBy(() -> Network.parse("regtest"))
        .hasMessage("unknown network 'regtest' (expected dev, test or main)");
  }
}
