/**
 * Message Stream Encryption (MSE, also called Protocol Encryption): the Diffie-Hellman handshake
 * and RC4 streams that aria2, libtorrent and Transmission offer before the BitTorrent handshake. It
 * hides the protocol from traffic shapers; it is obfuscation, not authenticated encryption.
 */
@NullMarked
package org.equinode.torrent.mse;

import org.jspecify.annotations.NullMarked;
