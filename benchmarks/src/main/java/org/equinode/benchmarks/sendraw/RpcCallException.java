package org.equinode.benchmarks.sendraw;

/** A JSON-RPC call answered with an error, during the benchmark's setup. */
final class RpcCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;

  RpcCallException(String method, int code, String message) {
    super(method + " failed (" + code + "): " + message);
    this.code = code;
  }

  int code() {
    return code;
  }
}
