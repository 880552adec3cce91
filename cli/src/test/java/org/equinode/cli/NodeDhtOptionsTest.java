package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.dht.DhtSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** When {@code node} runs a DHT, where it listens and what it starts from. */
class NodeDhtOptionsTest {
  private static final InetSocketAddress LOOPBACK =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 6881);
  private static final InetSocketAddress OUTSIDE = new InetSocketAddress(6881);

  private static NodeDhtOptions parse(String... args) {
    NodeDhtOptions options = new NodeDhtOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void offForALoopbackOrNoListenerOnForOneOpenToOthers() {
    assertThat(parse().settings(Optional.of(LOOPBACK))).isEmpty();
    assertThat(parse().settings(Optional.empty())).isEmpty();
    DhtSettings open = parse().settings(Optional.of(OUTSIDE)).orElseThrow();
    assertThat(open.listen()).isEqualTo(OUTSIDE);
    assertThat(open.bootstrap()).hasSize(DhtSettings.PUBLIC_ROUTERS.size());
    assertThat(parse("--no-torrent-dht").settings(Optional.of(OUTSIDE))).isEmpty();
  }

  @Test
  void aGivenNodeTurnsItOnAndReplacesThePublicRouters() {
    DhtSettings given =
        parse("--dht-node", "127.0.0.1:7000").settings(Optional.of(LOOPBACK)).orElseThrow();
    assertThat(given.bootstrap())
        .containsExactly(new InetSocketAddress(InetAddress.getLoopbackAddress(), 7000));
    assertThat(given.listen()).isEqualTo(LOOPBACK);
    DhtSettings outbound =
        parse("--torrent-dht", "--dht-listen", "127.0.0.1:7001")
            .settings(Optional.empty())
            .orElseThrow();
    assertThat(outbound.listen())
        .isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), 7001));
    assertThat(List.copyOf(outbound.bootstrap())).allMatch(InetSocketAddress::isUnresolved);
  }
}
