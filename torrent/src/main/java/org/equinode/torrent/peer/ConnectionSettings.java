package org.equinode.torrent.peer;

import java.time.Duration;

/**
 * The timers and bounds of a {@link PeerConnection}.
 *
 * @param handshakeTimeout time from the connection's start to both handshakes being exchanged
 * @param idleTimeout time without a complete message from the peer (keep-alives count): a peer that
 *     trickles bytes without finishing a message is cut off too
 * @param keepAliveInterval time without anything sent after which we send a keep-alive
 * @param sendQueueCapacity messages queued for the peer; a peer that lets it fill up is cut off
 */
public record ConnectionSettings(
    Duration handshakeTimeout,
    Duration idleTimeout,
    Duration keepAliveInterval,
    int sendQueueCapacity) {
  /** libtorrent allows 10 s, Transmission 30 s for the handshake. */
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(20);

  /**
   * Above the two minutes between keep-alives that BEP 3 suggests, with a margin for peers that
   * follow it to the letter.
   */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(3);

  /**
   * One minute, not BEP 3's two: libtorrent drops a peer after 120 s without data ({@code
   * peer_timeout}), and itself sends keep-alives at half that.
   */
  public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofMinutes(1);

  /**
   * Room for the 500 requests a peer may have outstanding (the {@code reqq} we announce) and their
   * answers, plus control messages. The session paces uploads with {@link
   * PeerConnection#queuedMessages()}.
   */
  public static final int DEFAULT_SEND_QUEUE_CAPACITY = 1024;

  /** The defaults above. */
  public static final ConnectionSettings DEFAULTS =
      new ConnectionSettings(
          DEFAULT_HANDSHAKE_TIMEOUT,
          DEFAULT_IDLE_TIMEOUT,
          DEFAULT_KEEP_ALIVE_INTERVAL,
          DEFAULT_SEND_QUEUE_CAPACITY);

  public ConnectionSettings {
    for (Duration d : new Duration[] {handshakeTimeout, idleTimeout, keepAliveInterval}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timers must be positive, got " + d);
      }
    }
    if (sendQueueCapacity < 1) {
      throw new IllegalArgumentException("send queue capacity " + sendQueueCapacity + " < 1");
    }
  }
}
