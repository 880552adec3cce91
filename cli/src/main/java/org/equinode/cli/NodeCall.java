package org.equinode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.equinode.api.RpcErrorCode;
import org.equinode.api.RpcException;
import org.equinode.api.client.RpcClient;
import org.equinode.api.client.RpcResponse;
import org.equinode.node.rpc.RpcCookie;
import picocli.CommandLine.Mixin;

/**
 * A command that makes one JSON-RPC call to the running node (found through its cookie) and prints
 * the result: {@code wallet ...}, {@code chain ...}, {@code mine}.
 */
abstract class NodeCall extends Subcommand {
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  @Mixin JsonOption json = new JsonOption();

  NodeCall(CommandEnvironment environment) {
    super(environment);
  }

  /** Calls {@code method} for {@code wallet}; a node error becomes a one-line failure. */
  JsonNode call(Optional<String> wallet, String method, List<JsonNode> params) {
    RpcCookie cookie = RpcCookie.read(dataDirectory().root());
    return switch (new RpcClient(cookie.url(), cookie.token(), TIMEOUT)
        .call(wallet, method, params)) {
      case RpcResponse.Result result -> result.value();
      case RpcResponse.Failure failure ->
          throw new RpcException(
              RpcErrorCode.MISC_ERROR, failure.message() + " (code " + failure.code() + ")");
    };
  }

  /** Prints a result: JSON with --json, otherwise as the rpc command does. */
  int print(JsonNode result) {
    out().println(json.enabled() ? result.toString() : RpcCommand.render(result));
    out().flush();
    return 0;
  }
}
