package org.equinode.api;

/**
 * A JSON-RPC call that cannot be answered with a result: carries the error code and a message that
 * says what was wrong. The root of the api module's errors.
 */
public class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RpcErrorCode code;

  public RpcException(RpcErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public RpcException(RpcErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public RpcErrorCode code() {
    return code;
  }

  /** A parameter with the wrong type or form. */
  public static RpcException invalidParams(String message) {
    return new RpcException(RpcErrorCode.INVALID_PARAMS, message);
  }

  /** A parameter that is well-formed but not acceptable. */
  public static RpcException invalidParameter(String message) {
    return new RpcException(RpcErrorCode.INVALID_PARAMETER, message);
  }
}
