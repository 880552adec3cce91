package org.equinode.torrent.dht;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.zip.CRC32C;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * A DHT node id: 160 bits in the info-hash space, compared by XOR distance (BEP 5). {@link #secure}
 * makes one bound to an IPv4 address as BEP 42 says: the first 21 bits come from CRC32C of the
 * masked address with {@code r} in its top 3 bits, the last byte is the random byte whose low 3
 * bits are {@code r}.
 */
public final class NodeId implements Comparable<NodeId> {
  /** Bytes in an id. */
  public static final int LENGTH = 20;

  /** Bits in an id. */
  public static final int BITS = LENGTH * 8;

  /** The bits of each IPv4 octet that BEP 42 hashes. */
  private static final byte[] V4_MASK = {0x03, 0x0f, 0x3f, (byte) 0xff};

  private final byte[] bytes;

  private NodeId(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The id of these 20 bytes.
   *
   * @throws IllegalArgumentException if there are not 20
   */
  public static NodeId of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a node id is 20 bytes, got " + bytes.length);
    }
    return new NodeId(bytes.clone());
  }

  /** The point of the id space an info-hash names. */
  public static NodeId of(InfoHash infoHash) {
    return new NodeId(infoHash.toByteArray());
  }

  /** An id with every bit random, for a node that does not know its external address. */
  public static NodeId random(RandomGenerator random) {
    byte[] bytes = new byte[LENGTH];
    random.nextBytes(bytes);
    return new NodeId(bytes);
  }

  /**
   * A BEP 42 id for {@code address}, with {@code rand} as its last byte and the bits that are
   * neither hashed nor {@code rand} drawn from {@code random}.
   */
  public static NodeId secure(Inet4Address address, int rand, RandomGenerator random) {
    int crc = prefix(address, rand & 0x7);
    byte[] bytes = new byte[LENGTH];
    random.nextBytes(bytes);
    bytes[0] = (byte) (crc >>> 24);
    bytes[1] = (byte) (crc >>> 16);
    bytes[2] = (byte) (((crc >>> 8) & 0xf8) | (bytes[2] & 0x07));
    bytes[LENGTH - 1] = (byte) rand;
    return new NodeId(bytes);
  }

  /**
   * Whether this id is one BEP 42 allows a node at {@code address} to have. Local, private and
   * loopback addresses are exempt (any id is allowed); IPv6 is not checked yet (allowed).
   */
  public boolean allowedFor(InetAddress address) {
    if (!(address instanceof Inet4Address v4) || isExempt(v4)) {
      return true;
    }
    int crc = prefix(v4, bytes[LENGTH - 1] & 0x7);
    int ours = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8);
    return ((ours ^ crc) & 0xfffff800) == 0;
  }

  /** Whether BEP 42 exempts {@code address}: 10/8, 172.16/12, 192.168/16, 169.254/16, 127/8. */
  public static boolean isExempt(Inet4Address address) {
    byte[] ip = address.getAddress();
    int a = ip[0] & 0xff;
    int b = ip[1] & 0xff;
    return a == 10
        || a == 127
        || (a == 172 && (b & 0xf0) == 16)
        || (a == 192 && b == 168)
        || (a == 169 && b == 254);
  }

  private static int prefix(Inet4Address address, int r) {
    byte[] ip = address.getAddress();
    for (int i = 0; i < ip.length; i++) {
      ip[i] &= V4_MASK[i];
    }
    ip[0] |= (byte) (r << 5);
    CRC32C crc = new CRC32C();
    crc.update(ip);
    return (int) crc.getValue();
  }

  /** The 20 bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The XOR distance to {@code other} as an unsigned number. */
  public BigInteger distance(NodeId other) {
    return new BigInteger(1, xor(other));
  }

  /** Orders {@code a} and {@code b} by their distance to this id (negative: {@code a} closer). */
  public int compareDistance(NodeId a, NodeId b) {
    for (int i = 0; i < LENGTH; i++) {
      int da = (a.bytes[i] ^ bytes[i]) & 0xff;
      int db = (b.bytes[i] ^ bytes[i]) & 0xff;
      if (da != db) {
        return Integer.compare(da, db);
      }
    }
    return 0;
  }

  /** The number of leading bits this id shares with {@code other} (160 for the same id). */
  public int commonPrefix(NodeId other) {
    for (int i = 0; i < LENGTH; i++) {
      int x = (bytes[i] ^ other.bytes[i]) & 0xff;
      if (x != 0) {
        return i * 8 + Integer.numberOfLeadingZeros(x) - 24;
      }
    }
    return BITS;
  }

  private byte[] xor(NodeId other) {
    byte[] out = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      out[i] = (byte) (bytes[i] ^ other.bytes[i]);
    }
    return out;
  }

  /** Lower-case hex. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public int compareTo(NodeId other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
