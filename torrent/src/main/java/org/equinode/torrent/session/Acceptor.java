package org.equinode.torrent.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.equinode.torrent.mse.MseException;
import org.equinode.torrent.mse.MseHandshake;
import org.equinode.torrent.mse.MseStreams;
import org.equinode.torrent.peer.CloseReason;
import org.equinode.torrent.peer.Closed;
import org.equinode.torrent.peer.Handshake;
import org.equinode.torrent.peer.LocalPeer;
import org.equinode.torrent.peer.PeerConnection;
import org.equinode.torrent.peer.PeerListener;
import org.equinode.torrent.peer.PeerMessage;
import org.equinode.torrent.peer.PeerServer;
import org.equinode.torrent.peer.PeerTransport;
import org.equinode.torrent.peer.SocketTransport;
import org.jspecify.annotations.Nullable;

/**
 * Takes the connections an engine's {@link PeerServer} accepted: tells a plain BitTorrent handshake
 * from an MSE one by the first 20 bytes, completes MSE (plaintext chosen when the peer offers it
 * too), and hands the streams to a {@link PeerConnection} whose events go to the torrent the peer
 * named. Runs on each connection's own virtual thread.
 */
final class Acceptor implements PeerServer.Handler {
  private final TorrentEngine engine;
  private final LocalPeer local;
  private final ScheduledExecutorService timer;

  Acceptor(TorrentEngine engine, LocalPeer local, ScheduledExecutorService timer) {
    this.engine = engine;
    this.local = local;
    this.timer = timer;
  }

  @Override
  public void accepted(SocketTransport socket, InetSocketAddress remote) {
    SessionSettings settings = engine.settings();
    Runnable disarm = Connector.closeLater(timer, socket, settings);
    PeerTransport transport;
    try {
      transport = streams(socket, settings);
    } catch (IOException | MseException e) {
      socket.close();
      return;
    } finally {
      disarm.run();
    }
    PeerConnection connection =
        PeerConnection.accept(
            transport,
            local,
            hash -> engine.exchangeFor(hash).isPresent(),
            new Routing(remote),
            settings.connection(),
            engine.environment().time());
    Connector.guard(timer, connection, settings);
  }

  private PeerTransport streams(SocketTransport socket, SessionSettings settings)
      throws IOException {
    PushbackInputStream in =
        new PushbackInputStream(socket.input(), Handshake.PROTOCOL_PREFIX_LENGTH);
    if (MseHandshake.startsWithPlainHandshake(in)) {
      if (!settings.encryption().acceptsPlain()) {
        throw new MseException("a plain handshake, and encryption is required");
      }
      return new StreamTransport(socket, in, socket.output(), "");
    }
    MseStreams streams =
        MseHandshake.accept(
            in,
            socket.output(),
            engine::byObfuscatedHash,
            Connector.offered(settings.encryption()),
            false,
            engine.environment().secureRandom());
    byte[] first = streams.initialPayload();
    InputStream rest =
        first.length == 0
            ? streams.in()
            : new SequenceInputStream(new ByteArrayInputStream(first), streams.in());
    return new StreamTransport(
        socket, rest, streams.out(), " mse/" + streams.method().name().toLowerCase(Locale.ROOT));
  }

  /** Hands a connection's events to the torrent its handshake named. */
  private final class Routing implements PeerListener {
    private final InetSocketAddress remote;
    private @Nullable PeerListener torrent;

    Routing(InetSocketAddress remote) {
      this.remote = remote;
    }

    @Override
    public void onOpen(PeerConnection connection, Handshake handshake) {
      Optional<PieceExchange> exchange = engine.exchangeFor(handshake.infoHash());
      if (exchange.isEmpty()) {
        connection.close(CloseReason.UNKNOWN_INFO_HASH, "the torrent left the engine");
        return;
      }
      PeerListener chosen = exchange.get().listenerFor(remote, false);
      torrent = chosen;
      chosen.onOpen(connection, handshake);
    }

    @Override
    public void onMessage(PeerConnection connection, PeerMessage message) {
      PeerListener chosen = torrent;
      if (chosen != null) {
        chosen.onMessage(connection, message);
      }
    }

    @Override
    public boolean keepsBlocks() {
      return false; // it hands messages to a PieceExchange's listener, which does not keep blocks
    }

    @Override
    public void onClose(PeerConnection connection, Closed closed) {
      PeerListener chosen = torrent;
      if (chosen != null) {
        chosen.onClose(connection, closed);
      }
    }
  }
}
