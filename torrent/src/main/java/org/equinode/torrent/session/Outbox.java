package org.equinode.torrent.session;

import java.util.ArrayList;
import java.util.List;
import org.equinode.torrent.peer.CloseReason;
import org.equinode.torrent.peer.PeerConnection;
import org.equinode.torrent.peer.PeerMessage;

/**
 * Messages and disconnections decided under the torrent's lock and carried out after it is released
 * (docs/concurrency.md: no lock is held while calling another room). Not thread-safe: one per
 * locked section.
 */
final class Outbox {
  private record Closing(PeerConnection connection, CloseReason reason, String detail) {}

  private final List<PeerConnection> connections = new ArrayList<>();
  private final List<PeerMessage> messages = new ArrayList<>();
  private final List<Closing> closings = new ArrayList<>();

  void add(Peer peer, PeerMessage message) {
    connections.add(peer.connection);
    messages.add(message);
  }

  void close(PeerConnection connection, CloseReason reason, String detail) {
    closings.add(new Closing(connection, reason, detail));
  }

  /** Queues every message on its connection (a full queue closes it), then closes. */
  void send() {
    for (int i = 0; i < messages.size(); i++) {
      connections.get(i).send(messages.get(i));
    }
    for (Closing c : closings) {
      c.connection.close(c.reason, c.detail);
    }
    connections.clear();
    messages.clear();
    closings.clear();
  }
}
