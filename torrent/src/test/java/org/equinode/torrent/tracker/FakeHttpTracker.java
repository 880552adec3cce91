package org.equinode.torrent.tracker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A tiny, strict HTTP tracker on 127.0.0.1 for tests. It checks every announce the way a picky
 * tracker would (each required parameter once, binary values exactly 20 bytes, numbers in decimal,
 * known events only) and answers with what the test asks for. A request it does not accept gets
 * status 400 and is recorded in {@link #problems()}.
 */
final class FakeHttpTracker implements AutoCloseable {
  /** A query string split into decoded values, each key mapped to its values in order. */
  record Query(String path, String rawQuery, Map<String, List<byte[]>> values) {
    byte[] one(String key) {
      List<byte[]> all = values.getOrDefault(key, List.of());
      if (all.size() != 1) {
        throw new IllegalArgumentException(key + " appears " + all.size() + " times");
      }
      return all.getFirst();
    }

    String text(String key) {
      return new String(one(key), StandardCharsets.ISO_8859_1);
    }

    boolean has(String key) {
      return values.containsKey(key);
    }
  }

  /** What to do with a request: the status, headers and body to send, or a stall. */
  @SuppressWarnings("ArrayRecordComponent") // a test value, never compared
  record Reply(
      int status, Map<String, String> headers, byte[] body, boolean chunked, boolean stalls) {
    static Reply ok(byte[] body) {
      return new Reply(200, Map.of(), body, false, false);
    }

    static Reply chunked(byte[] body) {
      return new Reply(200, Map.of(), body, true, false);
    }

    static Reply status(int status) {
      return new Reply(status, Map.of(), new byte[0], false, false);
    }

    static Reply redirect(String location) {
      return new Reply(302, Map.of("Location", location), new byte[0], false, false);
    }

    static Reply stall() {
      return new Reply(200, Map.of(), new byte[0], false, true);
    }
  }

  private static final Set<String> EVENTS = Set.of("started", "completed", "stopped");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Query> requests = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private volatile Function<Query, Reply> replies;

  private FakeHttpTracker(Function<Query, Reply> replies) throws IOException {
    this.replies = replies;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A tracker on an ephemeral port of 127.0.0.1 answering with {@code replies}. */
  static FakeHttpTracker start(Function<Query, Reply> replies) throws IOException {
    return new FakeHttpTracker(replies);
  }

  void answer(Function<Query, Reply> newReplies) {
    this.replies = newReplies;
  }

  /** {@code http://127.0.0.1:port} followed by {@code path}. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Query> requests() {
    return List.copyOf(requests);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Query query;
      try {
        query = parse(exchange);
        if (query.path().endsWith("announce")) {
          checkAnnounce(query);
        } else if (query.path().endsWith("scrape")) {
          checkScrape(query);
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      requests.add(query);
      Reply reply = replies.apply(query);
      if (reply.stalls()) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.getResponseHeaders().add("Content-Type", "text/plain");
      if (reply.body().length == 0 && !reply.chunked()) {
        exchange.sendResponseHeaders(reply.status(), -1);
        return;
      }
      exchange.sendResponseHeaders(reply.status(), reply.chunked() ? 0 : reply.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      } catch (IOException e) {
        // The client hung up early, as it should on an oversize body.
      }
    }
  }

  private static Query parse(HttpExchange exchange) {
    if (!exchange.getRequestMethod().equals("GET")) {
      throw new IllegalArgumentException("method " + exchange.getRequestMethod());
    }
    String raw = exchange.getRequestURI().getRawQuery();
    Map<String, List<byte[]>> values = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&", -1)) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("parameter without a value: '" + pair + "'");
        }
        values
            .computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
            .add(percentDecode(pair.substring(eq + 1)));
      }
    }
    return new Query(exchange.getRequestURI().getRawPath(), raw == null ? "" : raw, values);
  }

  private static void checkAnnounce(Query q) {
    for (String key : List.of("info_hash", "peer_id")) {
      if (q.one(key).length != 20) {
        throw new IllegalArgumentException(key + " is not 20 bytes");
      }
    }
    for (String key : List.of("port", "uploaded", "downloaded", "left", "numwant")) {
      String digits = q.text(key);
      if (!digits.matches("0|[1-9][0-9]{0,18}")) {
        throw new IllegalArgumentException(key + " is not a decimal number: " + digits);
      }
    }
    if (!q.text("compact").equals("1")) {
      throw new IllegalArgumentException("compact is not 1");
    }
    if (!q.text("key").matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("key is not 8 hex digits");
    }
    if (q.has("event") && !EVENTS.contains(q.text("event"))) {
      throw new IllegalArgumentException("unknown event " + q.text("event"));
    }
  }

  private static void checkScrape(Query q) {
    List<byte[]> hashes = q.values().getOrDefault("info_hash", List.of());
    if (hashes.isEmpty() || hashes.stream().anyMatch(h -> h.length != 20)) {
      throw new IllegalArgumentException("bad scrape info_hash");
    }
  }

  /** Strict: a '%' takes two hex digits; only unreserved characters may appear unescaped. */
  private static byte[] percentDecode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length() || hex(text.charAt(i + 1)) < 0 || hex(text.charAt(i + 2)) < 0) {
          throw new IllegalArgumentException("bad escape in " + text);
        }
        out.write((hex(text.charAt(i + 1)) << 4) | hex(text.charAt(i + 2)));
        i += 2;
      } else if ((c < 0x80 && Character.isLetterOrDigit(c)) || "-._~".indexOf(c) >= 0) {
        out.write(c);
      } else {
        throw new IllegalArgumentException("unescaped '" + c + "' in " + text);
      }
    }
    return out.toByteArray();
  }

  private static int hex(char c) {
    return "0123456789ABCDEF".indexOf(c) >= 0
        ? "0123456789ABCDEF".indexOf(c)
        : "0123456789abcdef".indexOf(c);
  }
}
