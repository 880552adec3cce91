package org.equinode.torrent.session;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.equinode.common.TimeSource;
import org.equinode.torrent.peer.extension.PexMessage;
import org.equinode.torrent.peer.extension.PexPeer;
import org.equinode.torrent.swarm.ConnectionId;

/**
 * What to tell each peer by peer exchange (BEP 11), and when: per recipient, the peers connected
 * since the last message to it and those gone since, at most {@link PexMessage#MAX_SENT} of each
 * (the rest waits for the next message), never more often than every {@link #INTERVAL}. The first
 * message goes as soon as there is something to say; a round with nothing new sends nothing.
 *
 * <p>The caller says which peers are connected and under which listen address; this class keeps
 * what each recipient was told, and leaves out the recipient itself (by connection and by address).
 * Not thread-safe: the torrent's lock guards it.
 */
final class PexSchedule {
  /** The shortest time between two messages to one peer (BEP 11: at most once a minute). */
  static final Duration INTERVAL = Duration.ofMinutes(1);

  private static final long INTERVAL_NANOS = INTERVAL.toNanos();

  private final TimeSource time;
  private final Map<ConnectionId, Told> told = new HashMap<>();

  /** The addresses a recipient has been told of and not told were dropped, and when. */
  private static final class Told {
    final Set<InetSocketAddress> addresses = new HashSet<>();
    long sentAt;
  }

  PexSchedule(TimeSource time) {
    this.time = time;
  }

  /**
   * The message due to {@code recipient} now, if one is due and not empty.
   *
   * @param recipient the connection the message would go to
   * @param recipientAddress the recipient's own listen address, if known: never sent to it
   * @param connected every connected peer we can name by its listen address, in connection order
   *     (the recipient may be among them)
   */
  Optional<PexMessage> next(
      ConnectionId recipient,
      Optional<InetSocketAddress> recipientAddress,
      Map<ConnectionId, PexPeer> connected) {
    long now = time.nanoTime();
    Told before = told.get(recipient);
    if (before != null && now - before.sentAt < INTERVAL_NANOS) {
      return Optional.empty();
    }
    Map<InetSocketAddress, PexPeer> current = new LinkedHashMap<>();
    connected.forEach(
        (id, peer) -> {
          if (!id.equals(recipient)
              && !recipientAddress.filter(peer.address()::equals).isPresent()) {
            current.putIfAbsent(peer.address(), peer);
          }
        });
    Set<InetSocketAddress> known = before == null ? Set.of() : before.addresses;
    List<PexPeer> added = new ArrayList<>();
    for (PexPeer peer : current.values()) {
      if (added.size() < PexMessage.MAX_SENT && !known.contains(peer.address())) {
        added.add(peer);
      }
    }
    List<InetSocketAddress> dropped = new ArrayList<>();
    for (InetSocketAddress address : known) {
      if (dropped.size() < PexMessage.MAX_SENT && !current.containsKey(address)) {
        dropped.add(address);
      }
    }
    if (added.isEmpty() && dropped.isEmpty()) {
      return Optional.empty();
    }
    Told after = before == null ? new Told() : before;
    added.forEach(peer -> after.addresses.add(peer.address()));
    dropped.forEach(after.addresses::remove);
    after.sentAt = now;
    told.put(recipient, after);
    return Optional.of(new PexMessage(added, dropped));
  }

  /** The recipient left: what it was told is forgotten. */
  void forget(ConnectionId recipient) {
    told.remove(recipient);
  }
}
