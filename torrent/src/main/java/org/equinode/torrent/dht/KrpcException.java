package org.equinode.torrent.dht;

/** Bytes that are not a KRPC message we accept; the message names the key and the rule. */
public final class KrpcException extends DhtException {
  private static final long serialVersionUID = 1L;

  public KrpcException(String message) {
    super(message);
  }

  public KrpcException(String message, Throwable cause) {
    super(message, cause);
  }
}
