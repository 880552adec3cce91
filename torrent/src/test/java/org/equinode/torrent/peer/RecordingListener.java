package org.equinode.torrent.peer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/** A listener that records what a connection reports, for tests to wait on. */
final class RecordingListener implements PeerListener {
  static final long WAIT_SECONDS = 10;

  final CompletableFuture<Handshake> opened = new CompletableFuture<>();
  final CompletableFuture<Closed> closed = new CompletableFuture<>();
  final BlockingQueue<PeerMessage> messages = new LinkedBlockingQueue<>();
  private volatile @Nullable PeerConnection connection;
  private final @Nullable BiConsumer<PeerConnection, Handshake> onOpen;
  private final @Nullable BiConsumer<PeerConnection, PeerMessage> onMessage;

  RecordingListener() {
    this(null, null);
  }

  RecordingListener(
      @Nullable BiConsumer<PeerConnection, Handshake> onOpen,
      @Nullable BiConsumer<PeerConnection, PeerMessage> onMessage) {
    this.onOpen = onOpen;
    this.onMessage = onMessage;
  }

  @Override
  public void onOpen(PeerConnection connection, Handshake remote) {
    this.connection = connection;
    opened.complete(remote);
    if (onOpen != null) {
      onOpen.accept(connection, remote);
    }
  }

  @Override
  public void onMessage(PeerConnection connection, PeerMessage message) {
    messages.add(message);
    if (onMessage != null) {
      onMessage.accept(connection, message);
    }
  }

  @Override
  public void onClose(PeerConnection connection, Closed how) {
    closed.complete(how);
  }

  /** The connection, once open. */
  PeerConnection connection() {
    PeerConnection c = connection;
    if (c == null) {
      throw new AssertionError("not open yet");
    }
    return c;
  }

  Handshake awaitOpen() throws Exception {
    return opened.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  Closed awaitClosed() throws Exception {
    return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  PeerMessage next() throws InterruptedException {
    PeerMessage message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within " + WAIT_SECONDS + " s");
    }
    return message;
  }
}
