package org.equinode.torrent.tracker;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.equinode.torrent.magnet.PeerAddress;

/**
 * A tiny, strict UDP tracker on 127.0.0.1 for tests. It checks each packet's exact length, the
 * magic number of a connect and that announces and scrapes carry a connection id it handed out;
 * anything else is recorded in {@link #problems()} and not answered. What it answers is up to the
 * test: {@link #standard} behaves like a tracker, and a test may wrap it to drop, garble or add
 * packets.
 */
final class FakeUdpTracker implements AutoCloseable {
  /** A request as received, already checked. */
  @SuppressWarnings("ArrayRecordComponent") // a test value, never compared
  record Received(int action, int transactionId, long connectionId, byte[] packet) {
    ByteBuffer body() {
      return ByteBuffer.wrap(packet, 16, packet.length - 16);
    }

    /** The announce's event code. */
    int event() {
      return ByteBuffer.wrap(packet).getInt(80);
    }

    int port() {
      return ByteBuffer.wrap(packet).getShort(96) & 0xffff;
    }

    int key() {
      return ByteBuffer.wrap(packet).getInt(88);
    }

    int numWant() {
      return ByteBuffer.wrap(packet).getInt(92);
    }

    long downloaded() {
      return ByteBuffer.wrap(packet).getLong(56);
    }

    long left() {
      return ByteBuffer.wrap(packet).getLong(64);
    }

    long uploaded() {
      return ByteBuffer.wrap(packet).getLong(72);
    }

    byte[] bytes(int from, int length) {
      byte[] out = new byte[length];
      System.arraycopy(packet, from, out, 0, length);
      return out;
    }
  }

  private final DatagramSocket socket;
  private final Thread loop;
  private final Set<Long> issued = ConcurrentHashMap.newKeySet();
  private final AtomicLong nextConnectionId = new AtomicLong(0x1234_5678_0000L);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private volatile Function<Received, List<byte[]>> replies;

  private FakeUdpTracker(Function<Received, List<byte[]>> replies) throws IOException {
    this.replies = replies;
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    loop = Thread.ofVirtual().start(this::serve);
  }

  /** A tracker answering with {@code replies}; see {@link #standard}. */
  static FakeUdpTracker start(Function<Received, List<byte[]>> replies) throws IOException {
    return new FakeUdpTracker(replies);
  }

  void answer(Function<Received, List<byte[]>> newReplies) {
    replies = newReplies;
  }

  String url() {
    return "udp://127.0.0.1:" + socket.getLocalPort() + "/announce";
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  long count(int action) {
    return received.stream().filter(r -> r.action() == action).count();
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * What a plain tracker says: a fresh connection id for a connect, {@code peers} and an interval
   * of 1800 s for an announce, (seeders 5, completed 7, leechers 3) for each scraped torrent.
   */
  List<byte[]> standard(Received r, List<PeerAddress> peers) {
    return switch (r.action()) {
      case UdpRequest.CONNECT -> {
        long id = nextConnectionId.getAndIncrement();
        issued.add(id);
        yield List.of(new UdpResponse.Connect(r.transactionId(), id).encode());
      }
      case UdpRequest.ANNOUNCE ->
          List.of(
              new UdpResponse.Announce(r.transactionId(), 1800, 3, 5, peers, UdpResponse.Family.V4)
                  .encode());
      default -> {
        List<ScrapeStats> stats = new ArrayList<>();
        for (int i = 0; i < (r.packet().length - 16) / 20; i++) {
          stats.add(new ScrapeStats(5, 7, 3));
        }
        yield List.of(new UdpResponse.Scrape(r.transactionId(), stats).encode());
      }
    };
  }

  /** Forgets every connection id handed out, as a tracker does when its secret rotates. */
  void forgetConnections() {
    issued.clear();
  }

  @Override
  public void close() {
    socket.close();
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve() {
    byte[] buffer = new byte[2048];
    while (!socket.isClosed()) {
      DatagramPacket in = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(in);
      } catch (IOException e) {
        return; // closed
      }
      byte[] packet = new byte[in.getLength()];
      System.arraycopy(buffer, 0, packet, 0, packet.length);
      String problem = check(packet);
      if (!problem.isEmpty()) {
        problems.add(problem);
        continue;
      }
      ByteBuffer b = ByteBuffer.wrap(packet);
      Received r = new Received(b.getInt(8), b.getInt(12), b.getLong(0), packet);
      received.add(r);
      SocketAddress from = in.getSocketAddress();
      for (byte[] out : replies.apply(r)) {
        try {
          socket.send(new DatagramPacket(out, out.length, from));
        } catch (IOException e) {
          return;
        }
      }
    }
  }

  private String check(byte[] packet) {
    if (packet.length < 16) {
      return "packet of " + packet.length + " bytes";
    }
    ByteBuffer b = ByteBuffer.wrap(packet);
    long connectionId = b.getLong(0);
    int action = b.getInt(8);
    switch (action) {
      case UdpRequest.CONNECT -> {
        if (packet.length != 16 || connectionId != UdpRequest.PROTOCOL_ID) {
          return "bad connect";
        }
        return "";
      }
      case UdpRequest.ANNOUNCE -> {
        if (packet.length != 98) {
          return "announce of " + packet.length + " bytes";
        }
        if (b.getInt(84) != 0) {
          return "announce with an IP address";
        }
      }
      case UdpRequest.SCRAPE -> {
        int n = (packet.length - 16) / 20;
        if ((packet.length - 16) % 20 != 0 || n < 1 || n > 74) {
          return "scrape of " + packet.length + " bytes";
        }
      }
      default -> {
        return "unknown action " + action;
      }
    }
    return issued.contains(connectionId) ? "" : "unknown connection id " + connectionId;
  }
}
