package org.equinode.torrent.tracker;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.equinode.common.TimeSource;

/**
 * Opens real tracker clients: HTTP ones sharing one {@link HttpClient} (closed with this
 * connector), UDP ones with a socket each. UDP transaction ids are drawn from the generator passed
 * in, one draw at a time, so that clients on several threads may share it.
 */
public final class NetworkTrackerConnector implements TrackerConnector, AutoCloseable {
  private final HttpClient http;
  private final Duration httpTimeout;
  private final TimeSource time;
  private final RandomGenerator random;
  private final UdpTrackerClient.Settings udpSettings;

  public NetworkTrackerConnector(
      TimeSource time,
      RandomGenerator random,
      Duration httpTimeout,
      UdpTrackerClient.Settings udpSettings) {
    this.http = HttpTrackerClient.newHttpClient(httpTimeout);
    this.httpTimeout = httpTimeout;
    this.time = time;
    this.random = serialised(random);
    this.udpSettings = udpSettings;
  }

  @Override
  public TrackerClient open(TrackerUrl url) {
    return switch (url.kind()) {
      case HTTP -> HttpTrackerClient.sharing(url, http, httpTimeout);
      case UDP -> new UdpTrackerClient(url, time, random, udpSettings);
    };
  }

  /** Aborts exchanges under way on the shared HTTP client and releases it. */
  @Override
  public void close() {
    http.shutdownNow();
  }

  private static RandomGenerator serialised(RandomGenerator random) {
    Object lock = new Object();
    return () -> {
      synchronized (lock) {
        return random.nextLong();
      }
    };
  }
}
