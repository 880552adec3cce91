package org.equinode.benchmarks.sendraw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to a JSON-RPC server on loopback, written by hand so that both
 * nodes are called by exactly the same few lines (no client library's pooling or threads in
 * between): a POST with {@code Content-Length}, an answer read by {@code Content-Length} or
 * chunked. Not thread-safe: one connection per client thread.
 */
final class RpcConnection implements AutoCloseable {
  /** The largest answer read; setup calls such as {@code getblock} stay far below. */
  static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

  private static final int MAX_HEADER_LINE = 8192;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InetSocketAddress address;
  private final byte[] head;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private long nextId = 1;

  /**
   * @param authorization the whole {@code Authorization} header value ("Bearer ..." or "Basic ...")
   */
  RpcConnection(InetSocketAddress address, String authorization) {
    this.address = address;
    this.socket = connect(address);
    this.in = input(socket);
    this.out = output(socket);
    head =
        ("POST / HTTP/1.1\r\nHost: "
                + address.getHostString()
                + ":"
                + address.getPort()
                + "\r\nAuthorization: "
                + authorization
                + "\r\nContent-Type: application/json\r\nContent-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
  }

  private static Socket connect(InetSocketAddress address) {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(address, 5_000);
      return socket;
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("cannot connect to " + address, e);
    }
  }

  private static InputStream input(Socket socket) {
    try {
      return new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OutputStream output(Socket socket) {
    try {
      return new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the connection by a new one (the server closes idle ones). */
  private void reconnect() {
    close();
    socket = connect(address);
    in = input(socket);
    out = output(socket);
  }

  /** The HTTP status and body of one POST. */
  static final class Answer {
    private final int status;
    private final byte[] body;

    Answer(int status, byte[] body) {
      this.status = status;
      this.body = body;
    }

    int status() {
      return status;
    }

    byte[] body() {
      return body;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** One JSON-RPC request body: {@code {"jsonrpc":"2.0","id":ID,"method":...,"params":[...]}}. */
  static byte[] request(long id, String method, Object... params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    ArrayNode list = request.putArray("params");
    for (Object param : params) {
      list.add(JSON.valueToTree(param));
    }
    try {
      return JSON.writeValueAsBytes(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Calls {@code method} and answers its result.
   *
   * @throws RpcCallException when the answer carries an error
   */
  JsonNode call(String method, Object... params) {
    byte[] request = request(nextId++, method, params);
    Answer answer;
    try {
      answer = post(request);
    } catch (UncheckedIOException e) {
      // A setup connection may have idled past the server's keep-alive time: once more, afresh.
      reconnect();
      answer = post(request);
    }
    JsonNode response;
    try {
      response = JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new RpcCallException(
          method, -1, "HTTP " + answer.status() + ", not JSON: " + answer.text());
    }
    JsonNode error = response.path("error");
    if (!error.isMissingNode() && !error.isNull()) {
      throw new RpcCallException(
          method, error.path("code").asInt(), error.path("message").asText());
    }
    if (answer.status() != 200) {
      throw new RpcCallException(method, -1, "HTTP " + answer.status() + ": " + answer.text());
    }
    return response.path("result");
  }

  /** Sends one request body and reads the whole answer. */
  Answer post(byte[] body) {
    try {
      out.write(head);
      out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
      out.write('\r');
      out.write('\n');
      out.write('\r');
      out.write('\n');
      out.write(body);
      out.flush();
      return read();
    } catch (IOException e) {
      throw new UncheckedIOException("JSON-RPC connection failed", e);
    }
  }

  private Answer read() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        length = Long.parseLong(value);
      } else if (name.equals("transfer-encoding")) {
        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
      }
    }
    if (chunked) {
      return new Answer(code, chunks());
    }
    if (length < 0) {
      // 204 and friends: no body on a keep-alive connection without a length.
      return new Answer(code, new byte[0]);
    }
    if (length > MAX_RESPONSE_BYTES) {
      throw new IOException("an answer of " + length + " bytes");
    }
    return new Answer(code, in.readNBytes((int) length));
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line();
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(semicolon < 0 ? sizeLine.trim() : sizeLine.substring(0, semicolon), 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      if (body.size() + size > MAX_RESPONSE_BYTES) {
        throw new IOException("an answer over " + MAX_RESPONSE_BYTES + " bytes");
      }
      body.write(in.readNBytes(size));
      line();
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the server closed the connection");
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() >= MAX_HEADER_LINE) {
        throw new IOException("an HTTP header line over " + MAX_HEADER_LINE + " bytes");
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing anyway.
    }
  }
}
