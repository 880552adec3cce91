package org.equinode.torrent.session;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.magnet.PeerAddress;
import org.equinode.torrent.magnet.PeerHost;
import org.equinode.torrent.tracker.AnnounceScheduler;
import org.equinode.torrent.tracker.AnnounceTarget;
import org.equinode.torrent.tracker.NetworkTrackerConnector;
import org.equinode.torrent.tracker.TrackerEvent;
import org.equinode.torrent.tracker.TrackerStatus;
import org.equinode.torrent.tracker.TrackerTiers;
import org.equinode.torrent.tracker.TransferTotals;
import org.equinode.torrent.tracker.UdpTrackerClient;

/**
 * A torrent's trackers: an {@link AnnounceScheduler} ticked by the session, announcing {@code
 * started}, then regularly, {@code completed} once, and {@code stopped} at the end; the peers it
 * hears of go to the {@link PeerBook}. Rounds run on virtual threads.
 */
final class TrackerLink implements AutoCloseable {
  /** How long an HTTP announce may take. */
  static final Duration HTTP_TIMEOUT = Duration.ofSeconds(15);

  /** How long closing waits for the {@code stopped} announces. */
  static final Duration STOP_WAIT = Duration.ofSeconds(3);

  /** What {@code left} says before the metadata is known (libtorrent says one block too). */
  static final long LEFT_UNKNOWN = 16 * 1024;

  private final AnnounceScheduler scheduler;
  private final NetworkTrackerConnector connector;
  private final ExecutorService rounds;

  private TrackerLink(
      AnnounceScheduler scheduler, NetworkTrackerConnector connector, ExecutorService rounds) {
    this.scheduler = scheduler;
    this.connector = connector;
    this.rounds = rounds;
  }

  /**
   * Starts announcing {@code tiers} for a torrent whose peers connect to {@code port}; empty when
   * there is no usable tracker. {@code learned} runs after new peers were added to the book.
   */
  static Optional<TrackerLink> start(
      List<List<String>> tierUrls,
      PieceExchange exchange,
      PeerId peerId,
      int port,
      Runnable learned) {
    SessionEnvironment env = exchange.env;
    TrackerTiers tiers = TrackerTiers.parse(tierUrls, env.random());
    if (tiers.isEmpty()) {
      return Optional.empty();
    }
    NetworkTrackerConnector connector =
        new NetworkTrackerConnector(
            env.time(), env.secureRandom(), HTTP_TIMEOUT, UdpTrackerClient.Settings.DEFAULT);
    ExecutorService rounds = Executors.newVirtualThreadPerTaskExecutor();
    AnnounceScheduler scheduler =
        new AnnounceScheduler(
            new AnnounceTarget(exchange.infoHash, peerId, port, env.secureRandom().nextInt()),
            tiers,
            connector,
            () -> totals(exchange),
            env.time(),
            rounds,
            event -> heard(event, exchange.book, learned),
            exchange.settings.trackers());
    return Optional.of(new TrackerLink(scheduler, connector, rounds));
  }

  private static TransferTotals totals(PieceExchange exchange) {
    TorrentStatus status = exchange.status("");
    long left =
        status.state() == TorrentStatus.State.FETCHING_METADATA
                || status.state() == TorrentStatus.State.CHECKING
            ? LEFT_UNKNOWN
            : status.wantedBytes() - status.doneBytes();
    return new TransferTotals(status.uploaded(), status.downloaded(), Math.max(0, left));
  }

  private static void heard(TrackerEvent event, PeerBook book, Runnable learned) {
    if (event instanceof TrackerEvent.Announced announced) {
      boolean any = false;
      for (PeerAddress peer : announced.response().peers()) {
        if (peer.host() instanceof PeerHost.Ip ip) {
          any |= book.add(new InetSocketAddress(ip.address(), peer.port()));
        }
      }
      if (any) {
        learned.run();
      }
    }
  }

  void tick() {
    scheduler.tick();
  }

  /** The download is complete: the next announce says so. */
  void completed() {
    scheduler.completed();
  }

  List<TrackerStatus> status() {
    return scheduler.status();
  }

  /** Announces {@code stopped} (waiting a bounded time) and releases the clients. */
  @Override
  public void close() {
    try {
      scheduler.shutdown(STOP_WAIT);
    } finally {
      connector.close();
      rounds.shutdownNow();
    }
  }
}
