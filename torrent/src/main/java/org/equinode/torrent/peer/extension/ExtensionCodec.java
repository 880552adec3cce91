package org.equinode.torrent.peer.extension;

import java.util.Optional;
import java.util.OptionalInt;
import org.equinode.torrent.peer.PeerMessage;

/**
 * Turns {@code extended} peer messages into {@link ExtensionMessage}s and back for one connection.
 * Incoming messages carry our ids ({@code local}); outgoing ones get the peer's ({@code remote},
 * learned from its extended handshake). Immutable: {@link #withRemote} gives the codec after a
 * (new) handshake from the peer.
 */
public final class ExtensionCodec {
  private final ExtensionIds local;
  private final ExtensionIds remote;

  public ExtensionCodec(ExtensionIds local, ExtensionIds remote) {
    this.local = local;
    this.remote = remote;
  }

  /** Our ids, and none of the peer's yet: before its extended handshake. */
  public static ExtensionCodec initial() {
    return new ExtensionCodec(ExtensionIds.LOCAL, ExtensionIds.NONE);
  }

  /** This codec with the peer's ids from {@code theirs}. */
  public ExtensionCodec withRemote(ExtendedHandshake theirs) {
    return new ExtensionCodec(local, theirs.extensionIds());
  }

  /** Our ids. */
  public ExtensionIds local() {
    return local;
  }

  /** The peer's ids. */
  public ExtensionIds remote() {
    return remote;
  }

  /** Whether the peer speaks {@code name}. */
  public boolean peerSupports(ExtensionName name) {
    return remote.id(name).isPresent();
  }

  /**
   * Decodes {@code message}; empty for an extension we did not announce or a message type we do not
   * know, which are ignored.
   *
   * @throws org.equinode.torrent.peer.PeerWireException if the payload breaks its extension's
   *     format
   */
  public Optional<ExtensionMessage> decode(PeerMessage.Extended message) {
    if (message.extendedId() == PeerMessage.Extended.HANDSHAKE_ID) {
      return Optional.of(ExtendedHandshake.decode(message.payload()));
    }
    Optional<ExtensionName> name = local.name(message.extendedId());
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return switch (name.get()) {
      case UT_METADATA -> MetadataMessage.decode(message.payload()).map(m -> m);
      case UT_PEX -> Optional.of(PexMessage.decode(message.payload()));
    };
  }

  /** The {@code extended} message for {@code message}; empty if the peer does not speak it. */
  public Optional<PeerMessage.Extended> encode(ExtensionMessage message) {
    OptionalInt id =
        switch (message) {
          case ExtendedHandshake h -> OptionalInt.of(PeerMessage.Extended.HANDSHAKE_ID);
          case MetadataMessage m -> remote.id(ExtensionName.UT_METADATA);
          case PexMessage p -> remote.id(ExtensionName.UT_PEX);
        };
    return id.isPresent()
        ? Optional.of(new PeerMessage.Extended(id.getAsInt(), message.encode()))
        : Optional.empty();
  }
}
