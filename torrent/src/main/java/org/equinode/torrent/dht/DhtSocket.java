package org.equinode.torrent.dht;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The DHT's UDP socket, the one class of this package that holds one. A virtual thread reads
 * packets (at most {@link KrpcMessage#MAX_PACKET_LENGTH} bytes; longer ones are dropped) and hands
 * each to the receiver; {@link #send} writes one.
 */
public final class DhtSocket implements DhtTransport, AutoCloseable {
  private final DatagramSocket socket;
  private final InetSocketAddress local;

  private DhtSocket(DatagramSocket socket) {
    this.socket = socket;
    this.local = (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /**
   * Binds {@code address} (port 0: any free port) and starts reading; {@code receiver} gets each
   * packet with its source, on the reading thread.
   *
   * @throws IOException if the address cannot be bound
   */
  public static DhtSocket bind(
      InetSocketAddress address, BiConsumer<InetSocketAddress, byte[]> receiver)
      throws IOException {
    DatagramSocket socket = new DatagramSocket(null);
    try {
      socket.bind(address);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    DhtSocket bound = new DhtSocket(socket);
    Thread.ofVirtual().name("dht-socket " + bound.local).start(() -> bound.readLoop(receiver));
    return bound;
  }

  public InetSocketAddress localAddress() {
    return local;
  }

  @Override
  public void send(InetSocketAddress to, byte[] packet) {
    try {
      socket.send(new DatagramPacket(packet, packet.length, to));
    } catch (IOException e) {
      // UDP: as if the packet was lost on the way.
    }
  }

  private void readLoop(BiConsumer<InetSocketAddress, byte[]> receiver) {
    byte[] buffer = new byte[KrpcMessage.MAX_PACKET_LENGTH + 1];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketException e) {
        return; // closed
      } catch (IOException e) {
        continue; // an ICMP error reported on the socket: keep reading
      }
      if (packet.getLength() > KrpcMessage.MAX_PACKET_LENGTH) {
        continue;
      }
      try {
        receiver.accept(
            (InetSocketAddress) packet.getSocketAddress(),
            Arrays.copyOf(buffer, packet.getLength()));
      } catch (RuntimeException e) {
        // The receiver never throws for a packet; if it does, the loop still goes on.
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }

  @Override
  public String toString() {
    return "DhtSocket[" + local + "]";
  }
}
