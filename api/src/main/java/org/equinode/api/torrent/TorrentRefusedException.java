package org.equinode.api.torrent;

import org.equinode.api.RpcErrorCode;
import org.equinode.api.RpcException;

/**
 * A torrent the node will not take as asked, through the caller's choice (a save folder inside the
 * data directory, a file index beyond the torrent's files, files that another torrent writes):
 * answered with {@link RpcErrorCode#INVALID_PARAMETER}, unlike a disk failure.
 */
public final class TorrentRefusedException extends RpcException {
  private static final long serialVersionUID = 1L;

  public TorrentRefusedException(String message) {
    super(RpcErrorCode.INVALID_PARAMETER, message);
  }
}
