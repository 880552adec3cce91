package org.equinode.node.rpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.equinode.api.RpcContext;
import org.equinode.api.RpcDispatcher;
import org.equinode.node.NodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC over HTTP: {@code POST /} (or {@code POST /wallet/NAME} to name a wallet) with {@code
 * Authorization: Bearer TOKEN}. Built on the JDK's HTTP server with one virtual thread per
 * exchange: the API listens on loopback for one user's tools, and needs no framework.
 */
public final class RpcServer implements AutoCloseable {
  /** The largest request body accepted. */
  public static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  /** The longest wallet name accepted in a path. */
  public static final int MAX_WALLET_NAME_LENGTH = 64;

  private static final Logger log = LoggerFactory.getLogger(RpcServer.class);
  private static final String WALLET_PATH = "/wallet/";

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] expectedAuthorization;
  private final RpcDispatcher dispatcher;

  private RpcServer(
      HttpServer server, ExecutorService executor, String token, RpcDispatcher dispatcher) {
    this.server = server;
    this.executor = executor;
    this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.dispatcher = dispatcher;
  }

  /**
   * Starts serving on {@code address} (port 0 picks a free one).
   *
   * @throws NodeException when the address cannot be bound
   */
  public static RpcServer start(InetSocketAddress address, String token, RpcDispatcher dispatcher) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new NodeException(
          "cannot listen for JSON-RPC on "
              + address.getHostString()
              + ":"
              + address.getPort()
              + " ("
              + e.getMessage()
              + "); is another node running? Use --rpc HOST:PORT to pick another address",
          e);
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    RpcServer rpc = new RpcServer(server, executor, token, dispatcher);
    server.setExecutor(executor);
    server.createContext("/", rpc::exchange);
    server.start();
    return rpc;
  }

  /** The address actually bound. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The URL clients call. */
  public URI url() {
    InetSocketAddress bound = address();
    String host = bound.getAddress().getHostAddress();
    return URI.create(
        "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        respond(exchange, 405, "use POST with a JSON-RPC request");
        return;
      }
      if (!authorized(exchange)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"equinode\"");
        respond(exchange, 401, "missing or wrong bearer token (see rpc.cookie)");
        return;
      }
      Optional<RpcContext> context = context(exchange.getRequestURI().getRawPath());
      if (context.isEmpty()) {
        respond(exchange, 404, "use / or /wallet/NAME");
        return;
      }
      Optional<byte[]> body = readBody(exchange);
      if (body.isEmpty()) {
        respond(exchange, 413, "a request is at most " + MAX_REQUEST_BYTES + " bytes");
        return;
      }
      Optional<byte[]> response = dispatcher.handle(body.get(), context.get());
      if (response.isEmpty()) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, response.get().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.get());
      }
    } catch (IOException | RuntimeException e) {
      log.debug("JSON-RPC exchange failed", e);
      throw e;
    }
  }

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return header != null
        && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
  }

  private static Optional<RpcContext> context(String rawPath) {
    if (rawPath.equals("/")) {
      return Optional.of(RpcContext.plain());
    }
    if (rawPath.startsWith(WALLET_PATH)) {
      String name;
      try {
        name = URLDecoder.decode(rawPath.substring(WALLET_PATH.length()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (!name.isEmpty() && name.length() <= MAX_WALLET_NAME_LENGTH && !name.contains("/")) {
        return Optional.of(new RpcContext(Optional.of(name)));
      }
    }
    return Optional.empty();
  }

  /** The body, or empty when it is larger than {@link #MAX_REQUEST_BYTES}. */
  private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > MAX_REQUEST_BYTES) {
          return Optional.empty();
        }
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
      return body.length > MAX_REQUEST_BYTES ? Optional.empty() : Optional.of(body);
    }
  }

  private static void respond(HttpExchange exchange, int status, String message)
      throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops accepting calls, lets running ones finish for up to a second, and stops. */
  @Override
  public void close() {
    server.stop(1);
    executor.close();
  }
}
