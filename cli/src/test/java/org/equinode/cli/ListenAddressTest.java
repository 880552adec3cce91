package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ListenAddressTest {
  private final ListenAddress.Converter converter = new ListenAddress.Converter();

  @Test
  void noneAsksForNoListener() {
    assertThat(converter.convert("none").address()).isEmpty();
    assertThat(converter.convert("NONE").address()).isEmpty();
  }

  @Test
  void hostPortIsAnAddress() {
    assertThat(converter.convert("127.0.0.1:6881").address())
        .contains(new InetSocketAddress(InetAddress.getLoopbackAddress(), 6881));
  }

  @Test
  void anythingElseIsRefused() {
    assertThatThrownBy(() -> converter.convert("nowhere"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("HOST:PORT");
  }
}
