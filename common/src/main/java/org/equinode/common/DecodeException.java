package org.equinode.common;

/**
 * Bytes that are not a valid encoding. The root of every decoding error; {@link TruncatedException}
 * says more bytes might still make the input valid, {@link MalformedException} says no suffix can.
 */
public abstract sealed class DecodeException extends RuntimeException
    permits TruncatedException, MalformedException {
  private static final long serialVersionUID = 1L;

  protected DecodeException(String message) {
    super(message);
  }
}
