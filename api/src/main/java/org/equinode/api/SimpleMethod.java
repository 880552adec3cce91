package org.equinode.api;

import java.util.function.Function;

/** An {@link RpcMethod} from its name, usage, summary and a function of its parameters. */
public record SimpleMethod(
    String name, String usage, String summary, Function<RpcParams, Object> body)
    implements RpcMethod {
  /** A method whose answer depends on its parameters only (not on the call's wallet). */
  public static SimpleMethod of(
      String name, String usage, String summary, Function<RpcParams, Object> body) {
    return new SimpleMethod(name, usage, summary, body);
  }

  @Override
  public Object call(RpcParams params, RpcContext context) {
    return body.apply(params);
  }
}
