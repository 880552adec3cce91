package org.equinode.torrent.mse;

import java.io.InputStream;
import java.io.OutputStream;
import org.equinode.torrent.metainfo.InfoHash;

/** The outcome of an MSE handshake: the streams to speak BitTorrent over from here on. */
public final class MseStreams {
  private final InputStream in;
  private final OutputStream out;
  private final CryptoMethod method;
  private final InfoHash infoHash;
  private final byte[] initialPayload;

  MseStreams(
      InputStream in,
      OutputStream out,
      CryptoMethod method,
      InfoHash infoHash,
      byte[] initialPayload) {
    this.in = in;
    this.out = out;
    this.method = method;
    this.infoHash = infoHash;
    this.initialPayload = initialPayload.clone();
  }

  /** The peer's bytes, decrypted when the method is RC4. */
  public InputStream in() {
    return in;
  }

  /** Our bytes, encrypted when the method is RC4. */
  public OutputStream out() {
    return out;
  }

  /** What protects the payload. */
  public CryptoMethod method() {
    return method;
  }

  /** The torrent the connection is for. */
  public InfoHash infoHash() {
    return infoHash;
  }

  /**
   * For the accepting side, the initiator's first payload bytes carried inside the handshake
   * (usually its BitTorrent handshake); empty for the initiating side.
   */
  public byte[] initialPayload() {
    return initialPayload.clone();
  }
}
