package org.equinode.torrent.magnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeerAddressTest {
  @Test
  void parsesIpv4() throws UnknownHostException {
    PeerAddress peer = PeerAddress.parse("192.168.1.20:6881");
    assertThat(peer.host())
        .isEqualTo(
            new PeerHost.Ip(InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, 20})));
    assertThat(peer.port()).isEqualTo(6881);
    assertThat(peer).hasToString("192.168.1.20:6881");
    assertThat(PeerAddress.parse("0.0.0.0:1").port()).isEqualTo(1);
    assertThat(PeerAddress.parse("255.255.255.255:65535").port()).isEqualTo(65535);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[::1]:80 | 0:0:0:0:0:0:0:1",
        "[::]:80 | 0:0:0:0:0:0:0:0",
        "[1::]:80 | 1:0:0:0:0:0:0:0",
        "[1:2:3:4:5:6:7:8]:80 | 1:2:3:4:5:6:7:8",
        "[1:2:3:4:5:6:7::]:80 | 1:2:3:4:5:6:7:0",
        "[::2:3:4:5:6:7:8]:80 | 0:2:3:4:5:6:7:8",
        "[2001:DB8::Ff]:80 | 2001:db8:0:0:0:0:0:ff",
        "[64:ff9b::192.0.2.33]:80 | 64:ff9b:0:0:0:0:c000:221",
        "[1:2:3:4:5:6:1.2.3.4]:80 | 1:2:3:4:5:6:102:304",
      })
  void parsesIpv6(String text, String address) {
    PeerAddress peer = PeerAddress.parse(text);
    assertThat(peer.host()).isInstanceOf(PeerHost.Ip.class);
    InetAddress parsed = ((PeerHost.Ip) peer.host()).address();
    assertThat(parsed).isInstanceOf(Inet6Address.class);
    assertThat(parsed.getHostAddress()).isEqualTo(address);
    assertThat(peer).hasToString("[" + address + "]:80");
    assertThat(PeerAddress.parse(peer.toString())).isEqualTo(peer);
  }

  @Test
  void anIpv4MappedAddressIsIpv4() {
    PeerAddress peer = PeerAddress.parse("[::ffff:10.0.0.1]:80");
    assertThat(((PeerHost.Ip) peer.host()).address()).isInstanceOf(Inet4Address.class);
    assertThat(peer).hasToString("10.0.0.1:80");
  }

  @Test
  void parsesHostNamesWithoutResolvingThem() {
    PeerAddress peer = PeerAddress.parse("Peer-1.Example.ORG:51413");
    assertThat(peer.host()).isEqualTo(new PeerHost.Name("peer-1.example.org"));
    assertThat(peer).hasToString("peer-1.example.org:51413");
    // Resolving this would fail (and would be a lookup); parsing never tries.
    assertThat(PeerAddress.parse("no-such-host.invalid:1").host())
        .isEqualTo(new PeerHost.Name("no-such-host.invalid"));
    assertThat(PeerAddress.parse("localhost:1").host()).isInstanceOf(PeerHost.Name.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.2.3.4",
        "1.2.3.4:",
        "1.2.3.4:0",
        "1.2.3.4:65536",
        "1.2.3.4:080",
        "1.2.3.4:+80",
        "1.2.3.4:-1",
        "1.2.3.4:8o",
        "1.2.3.4:123456",
        "[::1]",
        "[::1:80",
        "::1:80",
        "01.2.3.4:80",
        "256.1.1.1:80",
        "1.2.3:80",
        "1.2.3.4.5:80",
        "[1:2:3:4:5:6:7:8:9]:80",
        "[1::2::3]:80",
        "[:::]:80",
        "[12345::]:80",
        "[g::]:80",
        "[:1::]:80",
        "[1:2:3:4:5:6:7:8::]:80",
        "[::1.2.3.4.5]:80",
        "[1.2.3.4::]:80",
        "[1:2:3:4:5:6:7:1.2.3.4]:80",
        "[fe80::1%eth0]:80",
        "[]:80",
        ":80",
        "host_name:80",
        "-host:80",
        "host-:80",
        "a..b:80",
        ".a:80",
        "münchen.de:80",
        "a b:80",
      })
  void refusesMalformedAddresses(String text) {
    assertThatThrownBy(() -> PeerAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void saysWhatIsWrong() {
    assertThatThrownBy(() -> PeerAddress.parse("1.2.3.4:0"))
        .hasMessage("port 0 is outside 1..65535");
    assertThatThrownBy(() -> PeerAddress.parse("[::1]")).hasMessage("no port in '[::1]'");
    assertThatThrownBy(() -> PeerAddress.parse("[1::2::3]:80"))
        .hasMessage("bad IPv6 address '1::2::3'");
    assertThatThrownBy(() -> PeerAddress.parse("host_name:80"))
        .hasMessage("bad host name 'host_name': '_' is not a lower-case letter, digit or '-'");
    assertThatThrownBy(() -> PeerAddress.parse("999.1.1.1:80"))
        .hasMessage("bad host name '999.1.1.1': the last label is all digits");
    assertThatThrownBy(() -> PeerAddress.parse("x".repeat(254) + ":80"))
        .hasMessageEndingWith("length 254 is outside 1..253");
  }
}
