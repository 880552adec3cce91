package org.equinode.common;

/** The bytes break the encoding's rules; no further bytes can make them valid. */
public final class MalformedException extends DecodeException {
  private static final long serialVersionUID = 1L;

  public MalformedException(String message) {
    super(message);
  }
}
