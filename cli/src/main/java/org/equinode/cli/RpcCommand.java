package org.equinode.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.api.Json;
import org.equinode.api.client.RpcClient;
import org.equinode.api.client.RpcResponse;
import org.equinode.node.rpc.RpcCookie;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code equinode rpc METHOD [PARAMS...]}: one JSON-RPC call, as {@code bitcoin-cli} makes. */
@Command(
    name = "rpc",
    mixinStandardHelpOptions = true,
    description = {
      "Calls a JSON-RPC method of the running node and prints the result.",
      "Each parameter is read as a JSON value (5, true, [1,2], \"text\"); anything that is not",
      "valid JSON is sent as a string. 'equinode rpc help' lists the methods.",
      "",
      "Parameters are positional, as bitcoin-cli takes them, so they are on the command line,"
          + " where other users of the machine can read them (ps): give secrets through"
          + " 'equinode wallet create', 'wallet restore' and 'wallet unlock', which read them"
          + " without echo, rather than 'rpc createwallet', 'rpc restorewallet' or"
          + " 'rpc walletpassphrase'."
    })
final class RpcCommand extends Subcommand {
  @Option(names = "--wallet", paramLabel = "NAME", description = "The wallet the call is for.")
  @Nullable String wallet;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "900",
      description = "How long to wait for the answer (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @SuppressWarnings("NullAway.Init") // required parameter, set by picocli
  @Parameters(index = "0", paramLabel = "METHOD", description = "The method to call.")
  String method;

  @Parameters(index = "1..*", paramLabel = "PARAMS", description = "Its parameters, in order.")
  List<String> params = new ArrayList<>();

  RpcCommand(CommandEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    RpcCookie cookie = RpcCookie.read(dataDirectory().root());
    RpcClient client =
        new RpcClient(cookie.url(), cookie.token(), Duration.ofSeconds(timeoutSeconds));
    List<JsonNode> values = new ArrayList<>();
    for (String param : params) {
      values.add(parseParam(param));
    }
    switch (client.call(Optional.ofNullable(wallet), method, values)) {
      case RpcResponse.Result result -> {
        PrintWriter out = out();
        out.println(render(result.value()));
        out.flush();
        return 0;
      }
      case RpcResponse.Failure error -> {
        PrintWriter err = err();
        err.println(
            "equinode: " + method + ": " + error.message() + " (code " + error.code() + ")");
        err.flush();
        return ErrorReporter.FAILED;
      }
    }
  }

  /** A JSON value when the text is one, otherwise the text as a string. */
  static JsonNode parseParam(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }

  /** Strings print bare, as bitcoin-cli prints them; everything else as indented JSON. */
  static String render(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print a JSON tree", e);
    }
  }
}
