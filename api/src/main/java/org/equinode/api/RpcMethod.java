package org.equinode.api;

/** One JSON-RPC method. Implementations are thread-safe: calls arrive on many threads at once. */
public interface RpcMethod {
  /** The method's name, as callers write it. */
  String name();

  /** The parameters as a usage line, such as {@code "address amount [fee_rate]"}; empty if none. */
  String usage();

  /** One sentence on what the method does. */
  String summary();

  /**
   * Answers one call.
   *
   * @return the result: a JSON node, or a record or value that Jackson serializes
   * @throws RpcException when the call cannot be answered
   */
  Object call(RpcParams params, RpcContext context);
}
