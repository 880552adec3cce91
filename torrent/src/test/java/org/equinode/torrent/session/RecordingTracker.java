package org.equinode.torrent.session;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP tracker for tests on 127.0.0.1: records every announce (port, event, left) and answers
 * with the compact addresses of every other port that announced and has not stopped.
 */
final class RecordingTracker implements AutoCloseable {
  /** One announce as the tracker saw it; {@code event} is empty for a regular one. */
  record Announce(int port, String event, long left) {}

  private final HttpServer server;
  private final List<Announce> announces = new ArrayList<>();
  private final Set<Integer> swarm = new LinkedHashSet<>();

  private RecordingTracker(HttpServer server) {
    this.server = server;
  }

  static RecordingTracker start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    RecordingTracker tracker = new RecordingTracker(server);
    server.createContext("/announce", tracker::announce);
    server.start();
    return tracker;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/announce";
  }

  synchronized List<Announce> announces() {
    return List.copyOf(announces);
  }

  /** The events of {@code port}'s announces, in order ("" for regular ones). */
  synchronized List<String> events(int port) {
    return announces.stream().filter(a -> a.port() == port).map(Announce::event).toList();
  }

  private void announce(HttpExchange exchange) throws IOException {
    Map<String, String> query = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        query.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    int port = Integer.parseInt(query.getOrDefault("port", "0"));
    String event = query.getOrDefault("event", "");
    ByteArrayOutputStream peers = new ByteArrayOutputStream();
    synchronized (this) {
      announces.add(new Announce(port, event, Long.parseLong(query.getOrDefault("left", "-1"))));
      if (event.equals("stopped")) {
        swarm.remove(port);
      } else {
        swarm.add(port);
      }
      for (int other : swarm) {
        if (other != port) {
          peers.write(new byte[] {127, 0, 0, 1, (byte) (other >> 8), (byte) other}, 0, 6);
        }
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("d8:intervali1e5:peers" + peers.size() + ":").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(peers.toByteArray());
    body.write('e');
    exchange.sendResponseHeaders(200, body.size());
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body.toByteArray());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
