package org.equinode.torrent.tracker;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.equinode.common.TimeSource;
import org.equinode.torrent.metainfo.InfoHash;
import org.jspecify.annotations.Nullable;

/**
 * A UDP tracker (BEP 15) over one socket of its own, connected to the tracker's address so that the
 * system drops datagrams from anyone else.
 *
 * <p>A connection id is fetched first and reused until {@link #CONNECTION_ID_LIFETIME} after it
 * arrived (read from the {@link TimeSource}). A request that is not answered within {@code
 * baseTimeout * 2^n} is sent again, n counting from 0 up to {@code maxRetransmissions} (BEP 15: 15
 * s and 8); n starts again at 0 after each answer, and the connection is fetched again if its id
 * expires meanwhile. Retransmissions repeat the transaction id, so a late answer to an earlier copy
 * still counts; answers with another transaction id are ignored. Transaction ids come from the
 * {@link RandomGenerator} passed in.
 *
 * <p>One request at a time: calls must not overlap (the announce scheduler makes them from one
 * thread per tracker); an overlapping call fails with {@link IllegalStateException}.
 */
public final class UdpTrackerClient implements TrackerClient {
  /** How long a connection id is used after it arrived. */
  public static final Duration CONNECTION_ID_LIFETIME = Duration.ofMinutes(1);

  /** What to wait for and how often to ask. */
  public record Settings(
      Duration baseTimeout, int maxRetransmissions, Optional<InetAddress> bindAddress) {
    /** The most retransmissions BEP 15 counts up to. */
    public static final int MAX_RETRANSMISSIONS = 8;

    /** BEP 15: 15 seconds, doubled up to 8 times; bound to the wildcard address. */
    public static final Settings DEFAULT =
        new Settings(Duration.ofSeconds(15), MAX_RETRANSMISSIONS, Optional.empty());

    public Settings {
      if (baseTimeout.isNegative() || baseTimeout.isZero()) {
        throw new IllegalArgumentException("base timeout " + baseTimeout + " is not positive");
      }
      if (maxRetransmissions < 0 || maxRetransmissions > MAX_RETRANSMISSIONS) {
        throw new IllegalArgumentException(
            maxRetransmissions + " retransmissions, not 0.." + MAX_RETRANSMISSIONS);
      }
    }

    /** The time to wait after the {@code n}th send (0-based). */
    Duration timeout(int n) {
      return baseTimeout.multipliedBy(1L << n);
    }
  }

  private final TrackerUrl url;
  private final TimeSource time;
  private final RandomGenerator random;
  private final Settings settings;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final byte[] buffer = new byte[UdpResponse.MAX_LENGTH + 1];
  private @Nullable DatagramSocket socket;
  private UdpResponse.Family family = UdpResponse.Family.V4;
  private boolean connected;
  private long connectionId;
  private long connectedAtNanos;
  private volatile boolean closed;

  /**
   * A client for {@code url}. Nothing is resolved or opened until the first request.
   *
   * @throws IllegalArgumentException if {@code url} is not a UDP tracker
   */
  public UdpTrackerClient(
      TrackerUrl url, TimeSource time, RandomGenerator random, Settings settings) {
    if (url.kind() != TrackerUrl.Kind.UDP) {
      throw new IllegalArgumentException("not a UDP tracker: " + url);
    }
    this.url = url;
    this.time = time;
    this.random = random;
    this.settings = settings;
  }

  @Override
  public TrackerUrl url() {
    return url;
  }

  @Override
  public AnnounceResponse announce(AnnounceRequest request) {
    UdpResponse answer = exchange((id, tid) -> new UdpRequest.Announce(id, tid, request));
    if (!(answer instanceof UdpResponse.Announce a)) {
      throw new MalformedTrackerResponseException(
          url + " answered an announce with " + kind(answer));
    }
    return new AnnounceResponse(
        Duration.ofSeconds(a.intervalSeconds()),
        Optional.empty(),
        OptionalInt.of(a.seeders()),
        OptionalInt.of(a.leechers()),
        a.peers(),
        Optional.empty(),
        Optional.empty());
  }

  @Override
  public ScrapeResponse scrape(List<InfoHash> infoHashes) {
    if (infoHashes.isEmpty() || infoHashes.size() > MAX_SCRAPE_HASHES) {
      throw new IllegalArgumentException(
          "scrape of " + infoHashes.size() + " torrents, not 1.." + MAX_SCRAPE_HASHES);
    }
    UdpResponse answer = exchange((id, tid) -> new UdpRequest.Scrape(id, tid, infoHashes));
    if (!(answer instanceof UdpResponse.Scrape s)) {
      throw new MalformedTrackerResponseException(url + " answered a scrape with " + kind(answer));
    }
    if (s.stats().size() != infoHashes.size()) {
      throw new MalformedTrackerResponseException(
          url
              + " answered a scrape of "
              + infoHashes.size()
              + " torrents with "
              + s.stats().size());
    }
    Map<InfoHash, ScrapeStats> files = new HashMap<>();
    for (int i = 0; i < infoHashes.size(); i++) {
      files.put(infoHashes.get(i), s.stats().get(i));
    }
    return new ScrapeResponse(files);
  }

  @Override
  public void close() {
    closed = true;
    DatagramSocket s = socket;
    if (s != null) {
      s.close();
    }
  }

  /** Makes the request for a connection id and a transaction id. */
  private interface RequestMaker {
    UdpRequest make(long connectionId, int transactionId);
  }

  /** Sends until an answer to the request comes; answers a refusal with an exception. */
  private UdpResponse exchange(RequestMaker maker) {
    if (!busy.compareAndSet(false, true)) {
      throw new IllegalStateException("a request to " + url + " is already under way");
    }
    try {
      DatagramSocket s = socket();
      int n = 0;
      byte @Nullable [] packet = null;
      int transactionId = 0;
      boolean sentConnect = false;
      long sentWithId = 0;
      while (true) {
        boolean connect = !hasConnection();
        if (packet == null || sentConnect != connect || (!connect && sentWithId != connectionId)) {
          transactionId = random.nextInt();
          packet =
              connect
                  ? new UdpRequest.Connect(transactionId).encode()
                  : maker.make(connectionId, transactionId).encode();
          sentConnect = connect;
          sentWithId = connectionId;
        }
        send(s, packet);
        Optional<UdpResponse> answer = receive(s, transactionId, settings.timeout(n));
        if (answer.isEmpty()) {
          if (n == settings.maxRetransmissions()) {
            throw new TrackerUnreachableException(
                url + " did not answer after " + (n + 1) + " tries");
          }
          n++;
          continue;
        }
        UdpResponse response = answer.get();
        if (response instanceof UdpResponse.Failure failure) {
          throw new TrackerFailureException(url, failure.message());
        }
        if (!connect) {
          return response;
        }
        if (!(response instanceof UdpResponse.Connect c)) {
          throw new MalformedTrackerResponseException(
              url + " answered a connect with " + kind(response));
        }
        connected = true;
        connectionId = c.connectionId();
        connectedAtNanos = time.nanoTime();
        n = 0;
      }
    } finally {
      busy.set(false);
    }
  }

  private boolean hasConnection() {
    return connected && time.nanoTime() - connectedAtNanos < CONNECTION_ID_LIFETIME.toNanos();
  }

  private DatagramSocket socket() {
    DatagramSocket s = socket;
    if (s != null) {
      return s;
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(url.host());
    } catch (UnknownHostException e) {
      throw new TrackerUnreachableException(url + ": unknown host " + url.host(), e);
    }
    try {
      s = new DatagramSocket(new InetSocketAddress(settings.bindAddress().orElse(null), 0));
      s.connect(new InetSocketAddress(address, url.port()));
    } catch (SocketException e) {
      if (s != null) {
        s.close();
      }
      throw new TrackerUnreachableException(url + " could not be reached: " + e.getMessage(), e);
    }
    family = address instanceof Inet6Address ? UdpResponse.Family.V6 : UdpResponse.Family.V4;
    socket = s;
    if (closed) {
      s.close();
    }
    return s;
  }

  private void send(DatagramSocket s, byte[] packet) {
    try {
      s.send(new DatagramPacket(packet, packet.length));
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** The answer with {@code transactionId}, or empty if none came within {@code timeout}. */
  private Optional<UdpResponse> receive(DatagramSocket s, int transactionId, Duration timeout) {
    long deadline = time.nanoTime() + timeout.toNanos();
    while (true) {
      long remaining = deadline - time.nanoTime();
      if (remaining <= 0) {
        return Optional.empty();
      }
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        s.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000)));
        s.receive(packet);
      } catch (SocketTimeoutException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw failure(e);
      }
      int length = packet.getLength();
      try {
        if (length > UdpResponse.MAX_LENGTH) {
          throw new MalformedTrackerResponseException(
              "UDP tracker answer of more than " + UdpResponse.MAX_LENGTH + " bytes");
        }
        if (UdpResponse.transactionId(buffer, length) == transactionId) {
          return Optional.of(UdpResponse.decode(buffer, length, family));
        }
      } catch (MalformedTrackerResponseException e) {
        throw new MalformedTrackerResponseException(url + ": " + e.getMessage(), e);
      }
    }
  }

  private TrackerUnreachableException failure(IOException e) {
    if (e instanceof PortUnreachableException) {
      return new TrackerUnreachableException(url + " refused: nothing listens on its port", e);
    }
    if (closed) {
      return new TrackerUnreachableException("the client of " + url + " was closed", e);
    }
    return new TrackerUnreachableException(
        url + " could not be reached: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
  }

  private static String kind(UdpResponse response) {
    return switch (response) {
      case UdpResponse.Connect c -> "a connect answer";
      case UdpResponse.Announce a -> "an announce answer";
      case UdpResponse.Scrape s -> "a scrape answer";
      case UdpResponse.Failure f -> "an error";
    };
  }
}
