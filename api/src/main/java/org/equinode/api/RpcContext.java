package org.equinode.api;

import java.util.Optional;

/**
 * What a call carries besides its parameters.
 *
 * @param wallet the wallet named in the request's path ({@code /wallet/NAME}), as bitcoind does
 */
public record RpcContext(Optional<String> wallet) {
  /** A call that names no wallet. */
  public static RpcContext plain() {
    return new RpcContext(Optional.empty());
  }
}
