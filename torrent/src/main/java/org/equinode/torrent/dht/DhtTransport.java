package org.equinode.torrent.dht;

import java.net.InetSocketAddress;

/** Where a {@link DhtNode} sends its packets: the UDP socket ({@link DhtSocket}) or a test net. */
@FunctionalInterface
public interface DhtTransport {
  /** Sends one packet; never throws for a network failure (UDP may lose it anyway). */
  void send(InetSocketAddress to, byte[] packet);
}
