package org.equinode.torrent.peer;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.equinode.common.TimeSource;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.metainfo.InfoHash;
import org.jspecify.annotations.Nullable;

/**
 * One peer over a pair of streams: the handshake (as the side that called or the side that was
 * called), then messages both ways.
 *
 * <p>Threads (docs/concurrency.md): one virtual thread does the handshake and then reads messages
 * and hands them to the {@link PeerListener}; one virtual thread drains a bounded send queue into
 * the stream. {@link #send} never blocks: if the queue is full the peer is too slow and is
 * disconnected. No lock is held across I/O; {@link #close} only records the reason and closes the
 * transport, which wakes both threads.
 *
 * <p>Time: {@link #tick()} must be called about once a second (by the session's timer). It enforces
 * the handshake and idle timeouts and sends keep-alives, reading time from the {@link TimeSource},
 * so a test drives it with a test clock.
 *
 * <p>Nothing the peer sends makes an exception escape: every failure ends the connection with a
 * {@link CloseReason}, reported once to {@link PeerListener#onClose}.
 */
public final class PeerConnection {
  /** Where a connection is in its life. */
  public enum State {
    /** Handshakes not yet exchanged. */
    HANDSHAKING,
    /** Messages flow. */
    OPEN,
    /** Ended; {@link #closed()} says why. */
    CLOSED
  }

  private final PeerTransport transport;
  private final LocalPeer local;
  private final @Nullable InfoHash called;
  private final Predicate<InfoHash> serves;
  private final PeerListener listener;
  private final ConnectionSettings settings;
  private final TimeSource time;
  private final BlockingQueue<PeerMessage> queue;
  private final MessageReader reader;
  private final MessageWriter writer;
  private final AtomicReference<@Nullable Closed> closed = new AtomicReference<>();
  private final CompletableFuture<Closed> whenClosed = new CompletableFuture<>();
  private final long startedNanos;
  private volatile State state = State.HANDSHAKING;
  private volatile @Nullable Handshake remote;
  private volatile ReservedBits negotiated = ReservedBits.NONE;
  private volatile int pieceCount = -1;
  private volatile long lastReceivedNanos;
  private volatile long lastSentNanos;
  private volatile long bytesReceived;
  private volatile long bytesSent;
  private volatile @Nullable Thread writerThread;

  private PeerConnection(
      PeerTransport transport,
      LocalPeer local,
      @Nullable InfoHash called,
      Predicate<InfoHash> serves,
      PeerListener listener,
      ConnectionSettings settings,
      TimeSource time) {
    this.transport = transport;
    this.local = local;
    this.called = called;
    this.serves = serves;
    this.listener = listener;
    this.settings = settings;
    this.time = time;
    this.queue = new ArrayBlockingQueue<>(settings.sendQueueCapacity());
    this.reader =
        new MessageReader(transport.input(), MessageDecoder.initial(), listener.keepsBlocks());
    this.writer = new MessageWriter(transport.output());
    this.startedNanos = time.nanoTime();
  }

  /**
   * Starts a connection we made to a peer for {@code infoHash}: we send our handshake first.
   * Returns at once; the listener hears the outcome.
   */
  public static PeerConnection connect(
      PeerTransport transport,
      InfoHash infoHash,
      LocalPeer local,
      PeerListener listener,
      ConnectionSettings settings,
      TimeSource time) {
    return new PeerConnection(transport, local, infoHash, hash -> true, listener, settings, time)
        .start();
  }

  /**
   * Starts a connection a peer made to us: we read its handshake up to the info-hash, ask {@code
   * serves} whether we serve that torrent ({@link CloseReason#UNKNOWN_INFO_HASH} if not), and
   * answer. Returns at once; the listener hears the outcome.
   */
  public static PeerConnection accept(
      PeerTransport transport,
      LocalPeer local,
      Predicate<InfoHash> serves,
      PeerListener listener,
      ConnectionSettings settings,
      TimeSource time) {
    return new PeerConnection(transport, local, null, serves, listener, settings, time).start();
  }

  private PeerConnection start() {
    Thread.ofVirtual().name("peer-reader " + transport.description()).start(this::runReader);
    return this;
  }

  /**
   * Queues {@code message} for the peer. Returns false if the connection is closed, or if the queue
   * was full, in which case the connection is closed with {@link CloseReason#SEND_QUEUE_FULL}.
   * Messages queued during the handshake leave right after it.
   */
  public boolean send(PeerMessage message) {
    if (closed.get() != null) {
      return false;
    }
    if (!queue.offer(message)) {
      close(CloseReason.SEND_QUEUE_FULL, queue.size() + " messages waiting");
      return false;
    }
    return true;
  }

  /** Ends the connection with {@code reason}, unless it already ended. Returns at once. */
  public void close(CloseReason reason, String detail) {
    if (!closed.compareAndSet(null, new Closed(reason, detail))) {
      return;
    }
    transport.close();
    Thread writer = writerThread;
    if (writer != null) {
      writer.interrupt();
    }
  }

  /** Enforces the timeouts and sends a keep-alive when due; call about once a second. */
  public void tick() {
    if (closed.get() != null) {
      return;
    }
    long now = time.nanoTime();
    if (state == State.HANDSHAKING) {
      if (now - startedNanos >= settings.handshakeTimeout().toNanos()) {
        close(CloseReason.HANDSHAKE_TIMEOUT, "no handshake after " + settings.handshakeTimeout());
      }
      return;
    }
    if (now - lastReceivedNanos >= settings.idleTimeout().toNanos()) {
      close(CloseReason.IDLE_TIMEOUT, "no complete message for " + settings.idleTimeout());
      return;
    }
    if (now - lastSentNanos >= settings.keepAliveInterval().toNanos() && queue.isEmpty()) {
      lastSentNanos = now;
      send(new PeerMessage.KeepAlive());
    }
  }

  /**
   * The torrent's piece count, once known: from the next message on, bitfields must have exactly
   * the right length and piece indices must be below it. Best called from {@link
   * PeerListener#onOpen} or {@link PeerListener#onMessage}, so that it applies to the very next
   * message.
   */
  public void pieceCount(int count) {
    MessageDecoder.initial().withPieceCount(count); // validates
    pieceCount = count;
  }

  /** Where the connection is in its life. */
  public State state() {
    return state;
  }

  /** The peer's handshake, once received. */
  public Optional<Handshake> remoteHandshake() {
    return Optional.ofNullable(remote);
  }

  /** The reserved bits both sides set: what this connection may use (fast, extensions, DHT). */
  public ReservedBits negotiated() {
    return negotiated;
  }

  /** How the connection ended, once it has. */
  public Optional<Closed> closed() {
    return Optional.ofNullable(closed.get());
  }

  /** Completes, after {@link PeerListener#onClose} returned, with how the connection ended. */
  public CompletableFuture<Closed> whenClosed() {
    return whenClosed.copy();
  }

  /** Messages waiting to be written. */
  public int queuedMessages() {
    return queue.size();
  }

  /** Bytes read from the peer so far. */
  public long bytesReceived() {
    return bytesReceived;
  }

  /** Bytes written to the peer so far. */
  public long bytesSent() {
    return bytesSent;
  }

  /** The transport's description of the peer, for logs. */
  public String description() {
    return transport.description();
  }

  @Override
  public String toString() {
    return "PeerConnection[" + transport.description() + ", " + state + "]";
  }

  private void runReader() {
    try {
      Handshake theirs = handshake();
      remote = theirs;
      negotiated = local.reserved().and(theirs.reserved());
      MessageDecoder decoder = MessageDecoder.initial().withFastExtension(negotiated.fast());
      reader.decoder(decoder);
      lastReceivedNanos = time.nanoTime();
      lastSentNanos = lastReceivedNanos;
      state = State.OPEN;
      Thread.ofVirtual().name("peer-writer " + transport.description()).start(this::runWriter);
      listener.onOpen(this, theirs);
      while (closed.get() == null) {
        int count = pieceCount;
        if (count > 0 && reader.decoder().pieceCount().orElse(-1) != count) {
          reader.decoder(reader.decoder().withPieceCount(count));
        }
        PeerMessage message = reader.read();
        lastReceivedNanos = time.nanoTime();
        bytesReceived = reader.bytesRead();
        listener.onMessage(this, message);
      }
    } catch (PeerWireException e) {
      close(e.reason(), String.valueOf(e.getMessage()));
    } catch (SocketTimeoutException e) {
      close(CloseReason.IDLE_TIMEOUT, "read timed out");
    } catch (EOFException e) {
      close(CloseReason.PEER_CLOSED, String.valueOf(e.getMessage()));
    } catch (IOException e) {
      close(CloseReason.IO_ERROR, e.toString());
    } catch (RuntimeException e) {
      close(CloseReason.INTERNAL_ERROR, e.toString());
    } finally {
      finish();
    }
  }

  private Handshake handshake() throws IOException {
    InfoHash ours = called;
    if (ours != null) {
      writer.write(new Handshake(local.reserved(), ours, local.peerId()));
      writer.flush();
    }
    byte[] start = reader.readBytes(Handshake.PROTOCOL_PREFIX_LENGTH);
    Handshake.checkProtocol(start); // refuse garbage before waiting for more of it
    byte[] rest = reader.readBytes(Handshake.HEADER_LENGTH - start.length);
    byte[] headerBytes = Arrays.copyOf(start, Handshake.HEADER_LENGTH);
    System.arraycopy(rest, 0, headerBytes, start.length, rest.length);
    Handshake.Header header = Handshake.decodeHeader(headerBytes);
    if (ours == null) {
      if (!serves.test(header.infoHash())) {
        throw new PeerWireException(
            CloseReason.UNKNOWN_INFO_HASH, "we do not serve " + header.infoHash());
      }
      writer.write(new Handshake(local.reserved(), header.infoHash(), local.peerId()));
      writer.flush();
    } else if (!header.infoHash().equals(ours)) {
      throw new PeerWireException(
          CloseReason.INFO_HASH_MISMATCH,
          "asked for " + ours + ", the peer answered for " + header.infoHash());
    }
    bytesSent = writer.bytesWritten();
    PeerId peerId = PeerId.of(reader.readBytes(PeerId.LENGTH));
    if (peerId.equals(local.peerId())) {
      throw new PeerWireException(CloseReason.SELF_CONNECTION, "the peer sent our own peer id");
    }
    return header.withPeerId(peerId);
  }

  private void runWriter() {
    writerThread = Thread.currentThread();
    if (closed.get() != null) {
      return; // close() ran before this thread was known, so nobody will interrupt it
    }
    try {
      while (true) {
        PeerMessage message = queue.take();
        writer.write(message);
        if (queue.isEmpty()) {
          writer.flush();
        }
        lastSentNanos = time.nanoTime();
        bytesSent = writer.bytesWritten();
      }
    } catch (InterruptedException e) {
      // close() interrupts the writer: the connection is over.
    } catch (IOException e) {
      close(CloseReason.IO_ERROR, e.toString());
    } catch (RuntimeException e) {
      close(CloseReason.INTERNAL_ERROR, e.toString());
    }
  }

  private void finish() {
    close(CloseReason.CLOSED_LOCALLY, "reader stopped");
    state = State.CLOSED;
    Closed how = closed.get();
    if (how == null) {
      throw new IllegalStateException("closed without a reason");
    }
    try {
      listener.onClose(this, how);
    } catch (RuntimeException e) {
      // The connection is over; a failing listener cannot change that.
    } finally {
      whenClosed.complete(how);
    }
  }
}
