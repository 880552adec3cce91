package org.equinode.torrent.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.mse.MseException;
import org.equinode.torrent.mse.MseHandshake;
import org.equinode.torrent.mse.MseStreams;
import org.equinode.torrent.peer.Handshake;
import org.equinode.torrent.peer.LocalPeer;
import org.equinode.torrent.peer.PeerConnection;
import org.equinode.torrent.peer.PeerServer;
import org.equinode.torrent.peer.PeerTransport;
import org.equinode.torrent.peer.SocketTransport;

/**
 * Takes the connections a {@link PeerServer} accepted: tells a plain BitTorrent handshake from an
 * MSE one by the first 20 bytes, completes MSE (plaintext chosen when the peer offers it too), and
 * hands the streams to a {@link PeerConnection}. Runs on each connection's own virtual thread.
 */
final class Acceptor implements PeerServer.Handler {
  private final PieceExchange exchange;
  private final LocalPeer local;
  private final ScheduledExecutorService timer;
  private final byte[] obfuscated;

  Acceptor(PieceExchange exchange, LocalPeer local, ScheduledExecutorService timer) {
    this.exchange = exchange;
    this.local = local;
    this.timer = timer;
    this.obfuscated = MseHandshake.obfuscatedInfoHash(exchange.infoHash);
  }

  @Override
  public void accepted(SocketTransport socket, InetSocketAddress remote) {
    SessionSettings settings = exchange.settings;
    if (exchange.isClosed()) {
      socket.close();
      return;
    }
    Runnable disarm = Connector.closeLater(timer, socket, settings);
    PeerTransport transport;
    try {
      transport = streams(socket);
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
            exchange.infoHash::equals,
            exchange.listenerFor(remote, false),
            settings.connection(),
            exchange.env.time());
    Connector.guard(timer, connection, settings);
  }

  private PeerTransport streams(SocketTransport socket) throws IOException {
    SessionSettings settings = exchange.settings;
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
            this::torrentFor,
            Connector.offered(settings.encryption()),
            false,
            exchange.env.secureRandom());
    byte[] first = streams.initialPayload();
    InputStream rest =
        first.length == 0
            ? streams.in()
            : new SequenceInputStream(new ByteArrayInputStream(first), streams.in());
    return new StreamTransport(
        socket, rest, streams.out(), " mse/" + streams.method().name().toLowerCase(Locale.ROOT));
  }

  private Optional<InfoHash> torrentFor(byte[] named) {
    return Arrays.equals(named, obfuscated) ? Optional.of(exchange.infoHash) : Optional.empty();
  }
}
