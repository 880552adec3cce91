package org.equinode.torrent.session;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equinode.torrent.PeerId;

/**
 * The addresses a torrent may connect to (given by the user, a magnet link, trackers, peer
 * exchange) with what became of each: being connected, connected, failed (retried later, waiting
 * longer after each failure), or banned. Banning is per address and peer id, not per IP: on
 * loopback every peer shares 127.0.0.1. Thread-safe (short synchronized sections, no I/O).
 */
final class PeerBook {
  /** The most addresses remembered; more are ignored until some are forgotten. */
  static final int MAX_ADDRESSES = 2000;

  /** The first wait after a failed connection; it doubles with each failure. */
  static final Duration RETRY_BASE = Duration.ofSeconds(5);

  /** The longest wait between attempts. */
  static final Duration RETRY_MAX = Duration.ofMinutes(10);

  /** Failed attempts in a row after which an address is forgotten. */
  static final int MAX_FAILURES = 8;

  private enum State {
    IDLE,
    CONNECTING,
    CONNECTED,
    BANNED
  }

  private static final class Entry {
    State state = State.IDLE;
    int failures;
    long retryAt;
    boolean plainOnly;
  }

  private final Map<InetSocketAddress, Entry> entries = new LinkedHashMap<>();
  private final Set<PeerId> bannedIds = new HashSet<>();
  private final Set<InetSocketAddress> ourselves = new HashSet<>();

  /** Never dials {@code address}: it is our own listener. */
  synchronized void excludeSelf(InetSocketAddress address) {
    ourselves.add(address);
    entries.remove(address);
  }

  /** Remembers {@code address} to connect to; returns whether it is new. */
  synchronized boolean add(InetSocketAddress address) {
    if (address.isUnresolved()
        || address.getPort() == 0
        || ourselves.contains(address)
        || entries.containsKey(address)
        || entries.size() >= MAX_ADDRESSES) {
      return false;
    }
    entries.put(address, new Entry());
    return true;
  }

  /** Up to {@code count} addresses due for a connection, now marked as being connected. */
  synchronized List<InetSocketAddress> takeForDialing(int count, long now) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (Map.Entry<InetSocketAddress, Entry> e : entries.entrySet()) {
      if (out.size() >= count) {
        break;
      }
      Entry entry = e.getValue();
      if (entry.state == State.IDLE && now - entry.retryAt >= 0) {
        entry.state = State.CONNECTING;
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** The handshake with {@code address} succeeded. */
  synchronized void connected(InetSocketAddress address) {
    Entry entry = entries.get(address);
    if (entry != null && entry.state != State.BANNED) {
      entry.state = State.CONNECTED;
      entry.failures = 0;
    }
  }

  /**
   * The connection to {@code address} ended or never opened; {@code failed} when it never became
   * useful, which makes the next attempt wait longer.
   */
  synchronized void disconnected(InetSocketAddress address, boolean failed, long now) {
    Entry entry = entries.get(address);
    if (entry == null || entry.state == State.BANNED) {
      return;
    }
    entry.state = State.IDLE;
    if (failed) {
      entry.failures++;
      if (entry.failures >= MAX_FAILURES) {
        entries.remove(address);
        return;
      }
      long wait = RETRY_BASE.toNanos() << Math.min(entry.failures - 1, 20);
      entry.retryAt = now + Math.min(wait, RETRY_MAX.toNanos());
    } else {
      entry.retryAt = now + RETRY_BASE.toNanos();
    }
  }

  /** Every idle address may be dialed at once (the torrent resumed after a pause). */
  synchronized void retrySoon(long now) {
    for (Entry entry : entries.values()) {
      if (entry.state == State.IDLE && entry.retryAt - now > 0) {
        entry.retryAt = now;
      }
    }
  }

  /** Never connects to {@code address} again, nor accepts {@code peerId}. */
  synchronized void ban(InetSocketAddress address, PeerId peerId) {
    bannedIds.add(peerId);
    entries.computeIfAbsent(address, a -> new Entry()).state = State.BANNED;
  }

  synchronized boolean isBanned(PeerId peerId) {
    return bannedIds.contains(peerId);
  }

  synchronized boolean isBanned(InetSocketAddress address) {
    Entry entry = entries.get(address);
    return entry != null && entry.state == State.BANNED;
  }

  /** The peer dropped our encrypted handshake: talk plainly to it from now on. */
  synchronized void markPlainOnly(InetSocketAddress address) {
    Entry entry = entries.get(address);
    if (entry != null) {
      entry.plainOnly = true;
    }
  }

  synchronized boolean isPlainOnly(InetSocketAddress address) {
    Entry entry = entries.get(address);
    return entry != null && entry.plainOnly;
  }

  /** How many peers are banned (by peer id). */
  synchronized int bannedCount() {
    return bannedIds.size();
  }

  /** How many addresses are known and not banned. */
  synchronized int size() {
    int n = 0;
    for (Entry entry : entries.values()) {
      if (entry.state != State.BANNED) {
        n++;
      }
    }
    return n;
  }
}
