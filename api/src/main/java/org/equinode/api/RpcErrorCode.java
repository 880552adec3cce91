package org.equinode.api;

/**
 * JSON-RPC error codes: the protocol's own (-32xxx) and, for application errors, bitcoind's numbers
 * where the meaning is the same, so that tools written for bitcoind read them correctly.
 */
public enum RpcErrorCode {
  PARSE_ERROR(-32700),
  INVALID_REQUEST(-32600),
  METHOD_NOT_FOUND(-32601),
  INVALID_PARAMS(-32602),
  INTERNAL_ERROR(-32603),
  /** A general failure with no more specific code. */
  MISC_ERROR(-1),
  /** A value of the wrong type. */
  TYPE_ERROR(-3),
  WALLET_ERROR(-4),
  /** An address or key that does not parse, or is for another network. */
  INVALID_ADDRESS_OR_KEY(-5),
  INSUFFICIENT_FUNDS(-6),
  /** A parameter that is well-formed JSON but not acceptable. */
  INVALID_PARAMETER(-8),
  WALLET_UNLOCK_NEEDED(-13),
  WALLET_PASSPHRASE_INCORRECT(-14),
  WALLET_NOT_FOUND(-18),
  WALLET_NOT_SPECIFIED(-19),
  DESERIALIZATION_ERROR(-22),
  /** A transaction whose inputs are missing or already spent. */
  VERIFY_ERROR(-25),
  /** A transaction or block that breaks a rule. */
  VERIFY_REJECTED(-26),
  VERIFY_ALREADY_IN_CHAIN(-27),
  IN_WARMUP(-28),
  WALLET_ALREADY_EXISTS(-35),
  /** No torrent with that info-hash in the node (Equinode's own code). */
  TORRENT_NOT_FOUND(-80),
  /** The torrent is in the node already (Equinode's own code). */
  TORRENT_ALREADY_ADDED(-81),
  /** The torrent's files or state cannot be used: disk full, not writable (Equinode's own code). */
  TORRENT_STORAGE_ERROR(-82);

  private final int code;

  RpcErrorCode(int code) {
    this.code = code;
  }

  /** The number sent in the error object. */
  public int code() {
    return code;
  }
}
