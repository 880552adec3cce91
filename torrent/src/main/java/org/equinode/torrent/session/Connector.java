package org.equinode.torrent.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.equinode.torrent.mse.CryptoMethod;
import org.equinode.torrent.mse.MseException;
import org.equinode.torrent.mse.MseHandshake;
import org.equinode.torrent.mse.MseStreams;
import org.equinode.torrent.peer.CloseReason;
import org.equinode.torrent.peer.LocalPeer;
import org.equinode.torrent.peer.PeerConnection;
import org.equinode.torrent.peer.PeerDialer;
import org.equinode.torrent.peer.PeerTransport;
import org.equinode.torrent.peer.SocketTransport;

/**
 * Opens connections to the addresses in the {@link PeerBook}, each on a virtual thread of its own:
 * TCP, then (unless the policy is plaintext, or the peer dropped it before) an MSE handshake
 * offering RC4 and plaintext, then the BitTorrent handshake. A peer that drops the MSE handshake is
 * called again in the clear, as aria2 and libtorrent do. Handshakes are bounded by a timer.
 */
final class Connector {
  private final PieceExchange exchange;
  private final LocalPeer local;
  private final ScheduledExecutorService timer;
  private final AtomicInteger connecting = new AtomicInteger();

  Connector(PieceExchange exchange, LocalPeer local, ScheduledExecutorService timer) {
    this.exchange = exchange;
    this.local = local;
    this.timer = timer;
  }

  /** Methods offered on the way out: the peer picks. */
  static Set<CryptoMethod> offered(EncryptionPolicy policy) {
    return policy == EncryptionPolicy.REQUIRED
        ? EnumSet.of(CryptoMethod.RC4)
        : EnumSet.of(CryptoMethod.RC4, CryptoMethod.PLAINTEXT);
  }

  /** Starts connections to addresses that are due, within the session's caps. */
  void connectMore(int openPeers) {
    SessionSettings settings = exchange.settings;
    int busy = connecting.get();
    int room =
        Math.min(
            Math.min(settings.maxConnecting() - busy, settings.maxConnections() - openPeers - busy),
            exchange.slots.free() - busy);
    if (room <= 0 || exchange.isClosed() || exchange.isPaused()) {
      return;
    }
    for (InetSocketAddress address : exchange.book.takeForDialing(room, exchange.now())) {
      connecting.incrementAndGet();
      Thread.ofVirtual()
          .name("peer-dial " + address)
          .start(
              () -> {
                try {
                  dial(address);
                } finally {
                  connecting.decrementAndGet();
                }
              });
    }
  }

  private void dial(InetSocketAddress address) {
    PeerTransport transport;
    try {
      transport = open(address);
    } catch (IOException | MseException e) {
      exchange.book.disconnected(address, true, exchange.now());
      return;
    }
    PeerConnection connection =
        PeerConnection.connect(
            transport,
            exchange.infoHash,
            local,
            exchange.listenerFor(address, true),
            exchange.settings.connection(),
            exchange.env.time());
    guard(timer, connection, exchange.settings);
  }

  private PeerTransport open(InetSocketAddress address) throws IOException {
    SessionSettings settings = exchange.settings;
    SocketTransport socket = PeerDialer.connect(address, settings.connectTimeout());
    if (!settings.encryption().encryptsOutgoing() || exchange.book.isPlainOnly(address)) {
      return socket;
    }
    Runnable disarm = closeLater(timer, socket, settings);
    try {
      MseStreams streams =
          MseHandshake.initiate(
              socket.input(),
              socket.output(),
              exchange.infoHash,
              new byte[0],
              offered(settings.encryption()),
              exchange.env.secureRandom());
      return new StreamTransport(
          socket,
          streams.in(),
          streams.out(),
          " mse/" + streams.method().name().toLowerCase(Locale.ROOT));
    } catch (IOException | MseException e) {
      socket.close();
      if (settings.encryption() == EncryptionPolicy.REQUIRED) {
        throw e;
      }
      exchange.book.markPlainOnly(address);
      return PeerDialer.connect(address, settings.connectTimeout());
    } finally {
      disarm.run();
    }
  }

  /** Closes {@code connection} if its BitTorrent handshake is not done in time. */
  static void guard(
      ScheduledExecutorService timer, PeerConnection connection, SessionSettings settings) {
    try {
      var unused =
          timer.schedule(
              () -> {
                if (connection.state() == PeerConnection.State.HANDSHAKING) {
                  connection.close(CloseReason.HANDSHAKE_TIMEOUT, "no handshake in time");
                }
              },
              settings.connection().handshakeTimeout().toNanos(),
              TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      connection.close(CloseReason.CLOSED_LOCALLY, "the session is closing");
    }
  }

  /**
   * Closes {@code transport} when the handshake time is up, unless the returned action cancels it
   * first. When the session is closing (its timer stopped) the transport is closed at once.
   */
  static Runnable closeLater(
      ScheduledExecutorService timer, PeerTransport transport, SessionSettings settings) {
    try {
      ScheduledFuture<?> later =
          timer.schedule(
              transport::close,
              settings.connection().handshakeTimeout().toNanos(),
              TimeUnit.NANOSECONDS);
      return () -> later.cancel(false);
    } catch (RejectedExecutionException e) {
      transport.close();
      return () -> {};
    }
  }
}
