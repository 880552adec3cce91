package org.equinode.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Jazzer harness for the JSON-RPC request parser and dispatcher. A normal build replays the inputs
 * in {@code RpcRequestFuzzTestInputs/dispatch}; {@code JAZZER_FUZZ=1 ./mvnw -pl api -am test
 * -Dtest=RpcRequestFuzzTest -Djazzer.hooks=true} fuzzes. Whatever the bytes, the dispatcher answers
 * with a JSON object or array (or nothing, for notifications) and throws nothing.
 */
class RpcRequestFuzzTest {
  private static final RpcDispatcher DISPATCHER = new RpcDispatcher(List.of());

  @FuzzTest(maxDuration = "30s")
  void dispatch(byte[] input) throws IOException {
    Optional<byte[]> response = DISPATCHER.handle(input, RpcContext.plain());
    if (response.isPresent()) {
      JsonNode node = Json.mapper().readTree(response.get());
      assertThat(node.isObject() || node.isArray()).isTrue();
    }
  }
}
