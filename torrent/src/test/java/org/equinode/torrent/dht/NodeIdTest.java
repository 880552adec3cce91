package org.equinode.torrent.dht;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.Vectors;
import org.junit.jupiter.api.Test;

class NodeIdTest {
  private static final HexFormat HEX = HexFormat.of();

  /** BEP 42's five vectors: the published ids are allowed, and ours share their fixed bits. */
  @Test
  void bep42PublishedVectors() throws Exception {
    RandomGenerator random = SeededRandom.of(42);
    int rows = 0;
    for (String line :
        Vectors.text(NodeIdTest.class, "/vectors/bep42/node-ids.txt").lines().toList()) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split(" ", -1);
      Inet4Address ip = (Inet4Address) InetAddress.getByName(f[0]);
      int rand = Integer.parseInt(f[1]);
      byte[] published = HEX.parseHex(f[2]);
      assertThat(NodeId.of(published).allowedFor(ip)).as(line).isTrue();

      byte[] ours = NodeId.secure(ip, rand, random).bytes();
      assertThat(ours[0]).as(line).isEqualTo(published[0]);
      assertThat(ours[1]).as(line).isEqualTo(published[1]);
      assertThat(ours[2] & 0xf8).as(line).isEqualTo(published[2] & 0xf8);
      assertThat(ours[19]).as(line).isEqualTo(published[19]);
      assertThat(NodeId.of(ours).allowedFor(ip)).isTrue();

      byte[] wrong = published.clone();
      wrong[0] ^= 0x01;
      assertThat(NodeId.of(wrong).allowedFor(ip)).as(line).isFalse();
      rows++;
    }
    assertThat(rows).isEqualTo(5);
  }

  @Test
  void anIdIsTiedToItsAddress() throws Exception {
    Inet4Address a = (Inet4Address) InetAddress.getByName("124.31.75.21");
    Inet4Address b = (Inet4Address) InetAddress.getByName("21.75.31.124");
    NodeId id = NodeId.secure(a, 1, SeededRandom.of(1));
    assertThat(id.allowedFor(a)).isTrue();
    assertThat(id.allowedFor(b)).isFalse();
  }

  @Test
  void localAddressesAreExempt() throws Exception {
    NodeId any = NodeId.random(SeededRandom.of(7));
    for (String local :
        new String[] {
          "10.1.2.3", "172.16.0.1", "172.31.255.1", "192.168.1.1", "169.254.9.9", "127.0.0.1"
        }) {
      Inet4Address ip = (Inet4Address) InetAddress.getByName(local);
      assertThat(NodeId.isExempt(ip)).as(local).isTrue();
      assertThat(any.allowedFor(ip)).as(local).isTrue();
    }
    assertThat(NodeId.isExempt((Inet4Address) InetAddress.getByName("172.32.0.1"))).isFalse();
    assertThat(NodeId.isExempt((Inet4Address) InetAddress.getByName("8.8.8.8"))).isFalse();
  }

  @Test
  void distanceAndPrefix() {
    byte[] zero = new byte[20];
    byte[] top = new byte[20];
    top[0] = (byte) 0x80;
    byte[] low = new byte[20];
    low[19] = 1;
    NodeId z = NodeId.of(zero);
    assertThat(z.commonPrefix(NodeId.of(top))).isZero();
    assertThat(z.commonPrefix(NodeId.of(low))).isEqualTo(159);
    assertThat(z.commonPrefix(z)).isEqualTo(160);
    assertThat(z.compareDistance(NodeId.of(low), NodeId.of(top))).isNegative();
    assertThat(z.distance(NodeId.of(low)).intValue()).isEqualTo(1);
  }
}
