package org.equinode.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One JSON-RPC 2.0 request object, validated.
 *
 * @param id the caller's id (a string, a whole number in the signed 64-bit range, or null), or
 *     empty for a notification
 * @param method the method's name
 * @param params the parameters
 */
public record RpcRequest(Optional<JsonNode> id, String method, RpcParams params) {
  /** The longest method name accepted. */
  public static final int MAX_METHOD_NAME_LENGTH = 64;

  /** A notification has no id and gets no response. */
  public boolean isNotification() {
    return id.isEmpty();
  }

  /** The id to answer with: the request's, or null when the request was too broken to have one. */
  public static JsonNode responseId(JsonNode request) {
    if (request instanceof ObjectNode object) {
      JsonNode id = object.get("id");
      if (id != null && isEchoable(id)) {
        return id;
      }
    }
    return NullNode.getInstance();
  }

  /**
   * Validates a request object.
   *
   * @throws RpcException with {@link RpcErrorCode#INVALID_REQUEST} when it is not a request
   */
  public static RpcRequest parse(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      throw invalid("a request must be a JSON object");
    }
    JsonNode version = object.get("jsonrpc");
    if (version == null || !version.isTextual() || !version.textValue().equals("2.0")) {
      throw invalid("\"jsonrpc\" must be \"2.0\"");
    }
    JsonNode method = object.get("method");
    if (method == null || !method.isTextual() || method.textValue().isEmpty()) {
      throw invalid("\"method\" must be a non-empty string");
    }
    if (method.textValue().length() > MAX_METHOD_NAME_LENGTH) {
      throw invalid("\"method\" is longer than " + MAX_METHOD_NAME_LENGTH + " characters");
    }
    JsonNode id = object.get("id");
    if (id != null && !(isEchoable(id) || id.isNull())) {
      throw invalid("\"id\" must be a string, a whole number or null");
    }
    return new RpcRequest(
        Optional.ofNullable(id),
        method.textValue(),
        RpcParams.of(Optional.ofNullable(object.get("params"))));
  }

  /**
   * Whether an id can be sent back as it came: a string, or a whole number that fits a long.
   * JSON-RPC 2.0 asks for ids without fractions; a number such as {@code 11e999999999} is refused
   * rather than written back (its plain form would have a billion digits).
   */
  private static boolean isEchoable(JsonNode id) {
    return id.isTextual() || (id.isIntegralNumber() && id.canConvertToLong());
  }

  private static RpcException invalid(String message) {
    return new RpcException(RpcErrorCode.INVALID_REQUEST, message);
  }
}
