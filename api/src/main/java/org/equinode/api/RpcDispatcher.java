package org.equinode.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers JSON-RPC 2.0 request bodies: single requests and batches, with notifications answered by
 * nothing. Method handlers' {@link RpcException}s become error objects; any other exception is a
 * bug, logged, and answered as an internal error without its details. Thread-safe.
 */
public final class RpcDispatcher {
  /** The most requests one batch may hold. */
  public static final int MAX_BATCH_REQUESTS = 1000;

  private static final Logger log = LoggerFactory.getLogger(RpcDispatcher.class);

  private final Map<String, RpcMethod> methods;
  private final ObjectMapper json = Json.mapper();

  /** A dispatcher for {@code methods} plus the built-in {@code help}. */
  public RpcDispatcher(Collection<RpcMethod> methods) {
    TreeMap<String, RpcMethod> byName = new TreeMap<>();
    for (RpcMethod method : methods) {
      if (byName.put(method.name(), method) != null) {
        throw new IllegalArgumentException("two handlers for the method " + method.name());
      }
    }
    HelpMethod help = new HelpMethod(Map.copyOf(byName));
    byName.put(help.name(), help);
    this.methods = Collections.unmodifiableMap(byName);
  }

  /** The methods by name, sorted. */
  public Map<String, RpcMethod> methods() {
    return methods;
  }

  /**
   * Answers a request body.
   *
   * @return the response body, or empty when every request was a notification
   */
  public Optional<byte[]> handle(byte[] body, RpcContext context) {
    JsonNode root;
    try {
      // JSON exchanged between systems is UTF-8 (RFC 8259, section 8.1). Decode strictly, so that
      // Jackson never guesses another encoding and bad bytes are refused rather than replaced.
      root =
          json.readTree(
              StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString());
    } catch (CharacterCodingException e) {
      return Optional.of(
          write(
              error(NullNode.getInstance(), RpcErrorCode.PARSE_ERROR, "the request is not UTF-8")));
    } catch (JacksonException e) {
      return Optional.of(write(error(NullNode.getInstance(), RpcErrorCode.PARSE_ERROR, brief(e))));
    } catch (NumberFormatException e) {
      // Jackson reads decimals exactly, as BigDecimal; an exponent beyond its range lands here.
      return Optional.of(
          write(error(NullNode.getInstance(), RpcErrorCode.PARSE_ERROR, "a number out of range")));
    }
    if (root == null || root.isMissingNode()) {
      return Optional.of(
          write(error(NullNode.getInstance(), RpcErrorCode.PARSE_ERROR, "empty request body")));
    }
    if (root instanceof ArrayNode batch) {
      if (batch.isEmpty() || batch.size() > MAX_BATCH_REQUESTS) {
        String message =
            batch.isEmpty()
                ? "an empty batch"
                : "a batch of " + batch.size() + " requests, more than " + MAX_BATCH_REQUESTS;
        return Optional.of(
            write(error(NullNode.getInstance(), RpcErrorCode.INVALID_REQUEST, message)));
      }
      ArrayNode responses = JsonNodeFactory.instance.arrayNode();
      for (JsonNode request : batch) {
        answer(request, context).ifPresent(responses::add);
      }
      return responses.isEmpty() ? Optional.empty() : Optional.of(write(responses));
    }
    return answer(root, context).map(this::write);
  }

  /** Answers one request object; empty for a notification. */
  public Optional<ObjectNode> answer(JsonNode node, RpcContext context) {
    RpcRequest request;
    try {
      request = RpcRequest.parse(node);
    } catch (RpcException e) {
      return Optional.of(
          error(RpcRequest.responseId(node), e.code(), String.valueOf(e.getMessage())));
    }
    JsonNode id = request.id().orElse(NullNode.getInstance());
    ObjectNode response;
    try {
      RpcMethod method = methods.get(request.method());
      if (method == null) {
        throw new RpcException(
            RpcErrorCode.METHOD_NOT_FOUND, "no method '" + request.method() + "' (try 'help')");
      }
      Object result = method.call(request.params(), context);
      response = envelope(id);
      response.set("result", json.valueToTree(result));
    } catch (RpcException e) {
      response = error(id, e.code(), String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      log.error("internal error in method {}", request.method(), e);
      response = error(id, RpcErrorCode.INTERNAL_ERROR, "internal error in " + request.method());
    }
    return request.isNotification() ? Optional.empty() : Optional.of(response);
  }

  private static ObjectNode envelope(JsonNode id) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    return response;
  }

  private static ObjectNode error(JsonNode id, RpcErrorCode code, String message) {
    ObjectNode response = envelope(id);
    ObjectNode error = response.putObject("error");
    error.put("code", code.code());
    error.put("message", message);
    return response;
  }

  private byte[] write(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Jackson's message without the source excerpt it appends. */
  private static String brief(JacksonException e) {
    String message = e.getOriginalMessage();
    return "not valid JSON: " + (message == null ? e.getClass().getSimpleName() : message);
  }
}
