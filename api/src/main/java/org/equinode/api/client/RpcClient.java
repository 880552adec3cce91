package org.equinode.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.equinode.api.Json;
import org.equinode.api.RpcErrorCode;
import org.equinode.api.RpcException;
import org.jspecify.annotations.Nullable;

/**
 * Calls a node's JSON-RPC server. Thread-safe. Failing to reach the node, or an answer that is not
 * JSON-RPC, throws {@link RpcException}; an error the node answered comes back as {@link
 * RpcResponse.Failure}.
 */
public final class RpcClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final URI url;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();

  /**
   * A client for the server at {@code url}.
   *
   * @param timeout how long one call may take
   */
  public RpcClient(URI url, String token, Duration timeout) {
    this.url = url;
    this.token = token;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** Calls {@code method} with positional {@code params}, for {@code wallet} when given. */
  public RpcResponse call(Optional<String> wallet, String method, List<JsonNode> params) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", ids.incrementAndGet());
    request.put("method", method);
    request.putArray("params").addAll(params);
    URI target =
        wallet
            .map(name -> url.resolve("wallet/" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
            .orElse(url);
    HttpResponse<byte[]> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(target)
                  .timeout(timeout)
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          Json.mapper().writeValueAsBytes(request)))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      throw unreachable("connection refused; is the node running?", e);
    } catch (IOException e) {
      throw unreachable(String.valueOf(e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable("interrupted", e);
    }
    return read(response);
  }

  /** Calls and returns the result, or throws the node's error as an {@link RpcException}. */
  public JsonNode callForResult(Optional<String> wallet, String method, List<JsonNode> params) {
    return switch (call(wallet, method, params)) {
      case RpcResponse.Result result -> result.value();
      case RpcResponse.Failure error ->
          throw new RpcException(
              RpcErrorCode.MISC_ERROR,
              method + " failed: " + error.message() + " (code " + error.code() + ")");
    };
  }

  private RpcResponse read(HttpResponse<byte[]> response) {
    if (response.statusCode() == 401) {
      throw unreachable("the node refused the token; is rpc.cookie from this node?", null);
    }
    JsonNode body;
    try {
      body = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw unreachable("answered HTTP " + response.statusCode() + " without JSON", e);
    }
    JsonNode error = body.get("error");
    if (error != null && error.isObject()) {
      return new RpcResponse.Failure(error.path("code").asInt(), error.path("message").asText());
    }
    JsonNode result = body.get("result");
    if (result == null) {
      throw unreachable("answered without a result or an error", null);
    }
    return new RpcResponse.Result(result);
  }

  private RpcException unreachable(String why, @Nullable Throwable cause) {
    String message = "cannot call the node at " + url + ": " + why;
    return cause == null
        ? new RpcException(RpcErrorCode.MISC_ERROR, message)
        : new RpcException(RpcErrorCode.MISC_ERROR, message, cause);
  }
}
