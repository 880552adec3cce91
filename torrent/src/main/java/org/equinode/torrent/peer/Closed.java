package org.equinode.torrent.peer;

/** How a connection ended: the first reason recorded, and a detail for logs. */
public record Closed(CloseReason reason, String detail) {
  /** The longest detail kept: a peer's own bytes may end up in it. */
  public static final int MAX_DETAIL_LENGTH = 200;

  public Closed {
    if (detail.length() > MAX_DETAIL_LENGTH) {
      detail = detail.substring(0, MAX_DETAIL_LENGTH) + "...";
    }
  }

  @Override
  public String toString() {
    return reason + (detail.isEmpty() ? "" : ": " + detail);
  }
}
