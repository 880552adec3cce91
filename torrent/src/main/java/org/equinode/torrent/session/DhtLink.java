package org.equinode.torrent.session;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.equinode.common.TimeSource;
import org.equinode.torrent.dht.Dht;
import org.equinode.torrent.dht.LookupResult;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * A torrent's peers by the DHT: on the first tick, then every {@link
 * org.equinode.torrent.dht.DhtSettings#reannounce()}, a {@code get_peers} lookup that also
 * announces our TCP port when we listen. Sooner ({@code retryWhenEmpty}) while a lookup reached no
 * node, or found no peer while we still want some. The peers found go to the {@link PeerBook}. One
 * lookup at a time.
 */
final class DhtLink {
  private final Dht dht;
  private final InfoHash infoHash;
  private final int port;
  private final PeerBook book;
  private final Runnable learned;
  private final TimeSource time;
  private final BooleanSupplier wantsPeers;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile long nextAt;

  /** {@code port}: where peers connect to us, 0 when we do not listen (look up only). */
  DhtLink(
      Dht dht,
      InfoHash infoHash,
      int port,
      PeerBook book,
      Runnable learned,
      TimeSource time,
      BooleanSupplier wantsPeers) {
    this.wantsPeers = wantsPeers;
    this.dht = dht;
    this.infoHash = infoHash;
    this.port = port;
    this.book = book;
    this.learned = learned;
    this.time = time;
    this.nextAt = time.nanoTime();
  }

  void tick() {
    if (time.nanoTime() - nextAt < 0 || !running.compareAndSet(false, true)) {
      return;
    }
    var lookup = port > 0 ? dht.announce(infoHash, port) : dht.getPeers(infoHash);
    var unused =
        lookup.whenComplete(
            (result, error) -> {
              boolean done =
                  result != null
                      && !result.closest().isEmpty()
                      && (heard(result) || !wantsPeers.getAsBoolean());
              var settings = dht.settings();
              nextAt =
                  time.nanoTime()
                      + (done ? settings.reannounce() : settings.retryWhenEmpty()).toNanos();
              running.set(false);
            });
  }

  private boolean heard(LookupResult result) {
    boolean any = false;
    for (InetSocketAddress peer : result.peers()) {
      any |= book.add(peer);
    }
    if (any) {
      learned.run();
    }
    return !result.peers().isEmpty();
  }
}
