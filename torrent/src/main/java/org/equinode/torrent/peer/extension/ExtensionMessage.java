package org.equinode.torrent.peer.extension;

/**
 * A decoded extension message: the extended handshake or a message of an extension we speak. A
 * {@code switch} over it is checked for completeness.
 */
public sealed interface ExtensionMessage permits ExtendedHandshake, MetadataMessage, PexMessage {
  /** The payload: what follows the extended message id. */
  byte[] encode();
}
