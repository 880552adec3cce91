package org.equinode.api.client;

import com.fasterxml.jackson.databind.JsonNode;

/** What a node answered: a result or an error. */
public sealed interface RpcResponse {
  /** A successful call's result. */
  record Result(JsonNode value) implements RpcResponse {}

  /** A failed call: the node's error code and message. */
  record Failure(int code, String message) implements RpcResponse {}
}
