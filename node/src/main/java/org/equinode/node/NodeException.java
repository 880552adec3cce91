package org.equinode.node;

/**
 * The root of the node module's errors: a node that cannot start, or a client that cannot find one.
 */
public class NodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NodeException(String message) {
    super(message);
  }

  public NodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
