package org.equinode.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A call's parameters, given by position (a JSON array) or by name (a JSON object). Each accessor
 * names the parameter's position and name, so one handler serves both styles, and every error says
 * which parameter was wrong.
 */
public final class RpcParams {
  private final List<JsonNode> positional;
  private final Optional<ObjectNode> named;

  private RpcParams(List<JsonNode> positional, Optional<ObjectNode> named) {
    this.positional = positional;
    this.named = named;
  }

  /** No parameters. */
  public static RpcParams none() {
    return new RpcParams(List.of(), Optional.empty());
  }

  /** Parameters by position. */
  public static RpcParams positional(List<JsonNode> values) {
    return new RpcParams(List.copyOf(values), Optional.empty());
  }

  /** Parameters from a request's {@code params} member (array, object, or absent). */
  static RpcParams of(Optional<JsonNode> params) {
    if (params.isEmpty()) {
      return none();
    }
    JsonNode node = params.get();
    if (node instanceof ArrayNode array) {
      List<JsonNode> values = new ArrayList<>(array.size());
      array.forEach(values::add);
      return positional(values);
    }
    if (node instanceof ObjectNode object) {
      return new RpcParams(List.of(), Optional.of(object));
    }
    throw new RpcException(RpcErrorCode.INVALID_REQUEST, "params must be an array or an object");
  }

  /** Refuses more positional parameters, or other names, than the method takes. */
  public void expectAtMost(String... names) {
    if (positional.size() > names.length) {
      throw RpcException.invalidParams(
          "too many parameters: " + positional.size() + " given, at most " + names.length);
    }
    named.ifPresent(
        object ->
            object
                .fieldNames()
                .forEachRemaining(
                    field -> {
                      if (!List.of(names).contains(field)) {
                        throw RpcException.invalidParams("unknown parameter '" + field + "'");
                      }
                    }));
  }

  /** The parameter, when given and not JSON null. */
  public Optional<JsonNode> optional(int index, String name) {
    JsonNode node =
        named.isPresent()
            ? named.get().get(name)
            : index < positional.size() ? positional.get(index) : null;
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  /** The parameter, which must be given. */
  public JsonNode required(int index, String name) {
    return optional(index, name)
        .orElseThrow(
            () -> RpcException.invalidParams("missing parameter " + describe(index, name)));
  }

  public String requiredString(int index, String name) {
    return asString(required(index, name), index, name);
  }

  public Optional<String> optionalString(int index, String name) {
    return optional(index, name).map(node -> asString(node, index, name));
  }

  public long requiredLong(int index, String name) {
    return asLong(required(index, name), index, name);
  }

  public Optional<Long> optionalLong(int index, String name) {
    return optional(index, name).map(node -> asLong(node, index, name));
  }

  public Optional<Boolean> optionalBoolean(int index, String name) {
    return optional(index, name)
        .map(
            node -> {
              if (!node.isBoolean()) {
                throw typeError(index, name, "true or false");
              }
              return node.booleanValue();
            });
  }

  /** A decimal number, exactly as written (amounts in EQ come this way). */
  public BigDecimal requiredDecimal(int index, String name) {
    JsonNode node = required(index, name);
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.textValue());
      } catch (NumberFormatException e) {
        throw typeError(index, name, "a number");
      }
    }
    throw typeError(index, name, "a number");
  }

  private static String asString(JsonNode node, int index, String name) {
    if (!node.isTextual()) {
      throw typeError(index, name, "a string");
    }
    return node.textValue();
  }

  private static long asLong(JsonNode node, int index, String name) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw typeError(index, name, "a whole number");
    }
    return node.longValue();
  }

  private static RpcException typeError(int index, String name, String expected) {
    return new RpcException(
        RpcErrorCode.TYPE_ERROR, "parameter " + describe(index, name) + " must be " + expected);
  }

  private static String describe(int index, String name) {
    return (index + 1) + " (" + name + ")";
  }
}
