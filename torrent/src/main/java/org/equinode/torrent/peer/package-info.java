/**
 * The BitTorrent peer wire protocol (BEP 3, with the fast extension of BEP 6, the extension
 * protocol's message of BEP 10 and the DHT port of BEP 5): the {@link
 * org.equinode.torrent.peer.Handshake}, the {@link org.equinode.torrent.peer.PeerMessage}s and
 * their codecs, a streaming {@link org.equinode.torrent.peer.MessageReader} and {@link
 * org.equinode.torrent.peer.MessageWriter}, and a {@link org.equinode.torrent.peer.PeerConnection}
 * that runs one peer over a pair of streams. Bytes from a peer never raise anything but a {@link
 * org.equinode.torrent.peer.PeerWireException}, which names the {@link
 * org.equinode.torrent.peer.CloseReason} to disconnect with.
 */
@NullMarked
package org.equinode.torrent.peer;

import org.jspecify.annotations.NullMarked;
