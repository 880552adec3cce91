/**
 * The extension protocol (BEP 10) and the extensions this engine speaks: metadata exchange ({@code
 * ut_metadata}, BEP 9) and peer exchange ({@code ut_pex}, BEP 11). An {@link
 * org.equinode.torrent.peer.extension.ExtensionCodec} turns {@code extended} peer messages into
 * {@link org.equinode.torrent.peer.extension.ExtensionMessage}s and back, using our message ids for
 * what arrives and the peer's for what leaves. Malformed messages raise a {@link
 * org.equinode.torrent.peer.PeerWireException} with {@link
 * org.equinode.torrent.peer.CloseReason#MALFORMED_EXTENSION_MESSAGE}; unknown extensions are
 * ignored.
 */
@NullMarked
package org.equinode.torrent.peer.extension;

import org.jspecify.annotations.NullMarked;
