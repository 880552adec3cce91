package org.equinode.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class RpcDispatcherTest {
  /** {@code add a b}: adds two whole numbers. */
  static final class Add implements RpcMethod {
    @Override
    public String name() {
      return "add";
    }

    @Override
    public String usage() {
      return "a b";
    }

    @Override
    public String summary() {
      return "Adds two numbers.";
    }

    @Override
    public Object call(RpcParams params, RpcContext context) {
      params.expectAtMost("a", "b");
      return Math.addExact(params.requiredLong(0, "a"), params.requiredLong(1, "b"));
    }
  }

  /** A handler with a bug. */
  static final class Broken implements RpcMethod {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public String usage() {
      return "";
    }

    @Override
    public String summary() {
      return "Fails.";
    }

    @Override
    public Object call(RpcParams params, RpcContext context) {
      throw new IllegalStateException("secret internal detail");
    }
  }

  private final RpcDispatcher dispatcher = new RpcDispatcher(List.of(new Add(), new Broken()));

  private JsonNode call(String body) {
    Optional<byte[]> response =
        dispatcher.handle(body.getBytes(StandardCharsets.UTF_8), RpcContext.plain());
    try {
      return Json.mapper().readTree(response.orElseThrow());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void answersByPositionAndByName() {
    assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[2,3]}"))
        .hasToString("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":5}");
    assertThat(
            call("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"add\",\"params\":{\"b\":1,\"a\":2}}")
                .get("result")
                .asLong())
        .isEqualTo(3);
  }

  @Test
  void errorsCarryTheirCodesAndSayWhatWasWrong() {
    assertError(call("{not json"), RpcErrorCode.PARSE_ERROR, "not valid JSON");
    assertError(call("{\"id\":1,\"method\":\"add\"}"), RpcErrorCode.INVALID_REQUEST, "jsonrpc");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}"),
        RpcErrorCode.METHOD_NOT_FOUND,
        "no method 'nope'");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[1]}"),
        RpcErrorCode.INVALID_PARAMS,
        "missing parameter 2 (b)");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[1,\"x\"]}"),
        RpcErrorCode.TYPE_ERROR,
        "parameter 2 (b) must be a whole number");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[1,2,3]}"),
        RpcErrorCode.INVALID_PARAMS,
        "too many parameters");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":{\"a\":1,\"c\":2}}"),
        RpcErrorCode.INVALID_PARAMS,
        "unknown parameter 'c'");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":7}"),
        RpcErrorCode.INVALID_REQUEST,
        "params must be");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"add\"}"),
        RpcErrorCode.PARSE_ERROR,
        "Duplicate field");
  }

  @Test
  void anIdThatCannotBeEchoedIsRefusedAndAnsweredWithNull() {
    // Found by the fuzzer: 11e999999999 was accepted, then writing it back failed (its plain form
    // has a billion digits), and the dispatcher threw instead of answering.
    for (String id : new String[] {"11e999999999", "1.5", "1e-999999999", "9223372036854775808"}) {
      JsonNode response = call("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"add\"}");
      assertError(
          response, RpcErrorCode.INVALID_REQUEST, "\"id\" must be a string, a whole number");
      assertThat(response.get("id").isNull()).as(id).isTrue();
    }
    assertThat(
            call("{\"jsonrpc\":\"2.0\",\"id\":-9223372036854775808,\"method\":\"add\",\"params\":[1,1]}")
                .get("id")
                .asLong())
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void aBugIsAnInternalErrorThatLeaksNoDetail() {
    JsonNode response = call("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"broken\"}");
    assertError(response, RpcErrorCode.INTERNAL_ERROR, "internal error in broken");
    assertThat(response.toString()).doesNotContain("secret");
  }

  @Test
  void batchesAnswerEachRequestAndSkipNotifications() {
    JsonNode responses =
        call(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[1,1]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,1]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}, 5]");
    assertThat(responses).hasSize(3);
    assertThat(responses.get(0).get("result").asLong()).isEqualTo(2);
    assertThat(responses.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
    assertThat(responses.get(2).get("error").get("code").asInt()).isEqualTo(-32600);
    assertError(call("[]"), RpcErrorCode.INVALID_REQUEST, "empty batch");
  }

  @Test
  void notificationsGetNoResponse() {
    assertThat(
            dispatcher.handle(
                "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2]}"
                    .getBytes(StandardCharsets.UTF_8),
                RpcContext.plain()))
        .isEmpty();
  }

  @Test
  void tooDeepNestingIsRefused() {
    String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 5) + "]".repeat(Json.MAX_NESTING_DEPTH + 5);
    assertError(call(deep), RpcErrorCode.PARSE_ERROR, "nesting depth");
  }

  @Test
  void helpListsMethodsAndShowsUsage() {
    JsonNode all = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"help\"}");
    assertThat(all.get("result").asText()).isEqualTo("add a b\nbroken\nhelp [method]");
    JsonNode one = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"help\",\"params\":[\"add\"]}");
    assertThat(one.get("result").asText()).isEqualTo("add a b\n\nAdds two numbers.");
  }

  /** Random edits of valid requests: always a well-formed response or none, never an exception. */
  @Test
  void mutatedRequestsAlwaysGetAWellFormedAnswer() {
    RandomGenerator random = SeededRandom.of(2026);
    byte[] valid =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[2,3]},{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"help\",\"params\":{\"method\":\"add\"}}]"
            .getBytes(StandardCharsets.UTF_8);
    byte[] syntax = "{}[]\",:0-e.tn\\ ".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 20_000; i++) {
      byte[] mutated = valid.clone();
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(mutated.length);
        mutated[at] =
            random.nextBoolean()
                ? (byte) random.nextInt(256)
                : syntax[random.nextInt(syntax.length)];
      }
      Optional<byte[]> response = dispatcher.handle(mutated, RpcContext.plain());
      response.ifPresent(
          bytes -> {
            try {
              JsonNode node = Json.mapper().readTree(bytes);
              assertThat(node.isObject() || node.isArray()).isTrue();
            } catch (java.io.IOException ex) {
              throw new AssertionError("unreadable response", ex);
            }
          });
    }
  }

  private static void assertError(JsonNode response, RpcErrorCode code, String fragment) {
    assertThat(response.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(response.has("result")).isFalse();
    assertThat(response.get("error").get("code").asInt()).isEqualTo(code.code());
    assertThat(response.get("error").get("message").asText()).contains(fragment);
  }
}
