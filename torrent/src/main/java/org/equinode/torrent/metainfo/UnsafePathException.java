package org.equinode.torrent.metainfo;

/**
 * A file path in a torrent that could escape the download directory or cannot be created safely on
 * every platform: {@code ..}, an absolute path, a separator inside a name, a Windows drive letter
 * or device name. The message names the path and the component at fault.
 */
public final class UnsafePathException extends InvalidMetainfoException {
  private static final long serialVersionUID = 1L;

  public UnsafePathException(String message) {
    super(message);
  }
}
