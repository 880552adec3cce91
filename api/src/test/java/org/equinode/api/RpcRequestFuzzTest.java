package org.equinode.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.equinode.testing.AllocationBound;

/**
 * Jazzer harness for the JSON-RPC request parser and dispatcher; regression inputs in {@code
 * RpcRequestFuzzTestInputs/dispatch}. Whatever the bytes, the dispatcher answers with a JSON object
 * or array (or nothing, for notifications), throws nothing and stays within {@link
 * AllocationBound}'s budget. The fuzz run also instruments Jackson (api/pom.xml), so the fuzzer is
 * guided through the JSON grammar. How the build fuzzes it: {@code docs/fuzzing.md}.
 */
class RpcRequestFuzzTest {
  private static final RpcDispatcher DISPATCHER = new RpcDispatcher(List.of());

  @FuzzTest
  void dispatch(byte[] input) throws IOException {
    Optional<byte[]> response =
        AllocationBound.check(input, () -> DISPATCHER.handle(input, RpcContext.plain()));
    if (response.isPresent()) {
      JsonNode node = Json.mapper().readTree(response.get());
      assertThat(node.isObject() || node.isArray()).isTrue();
    }
  }
}
