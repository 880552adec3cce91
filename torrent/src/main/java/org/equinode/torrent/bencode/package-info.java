/**
 * Bencoding (BEP 3): the {@link org.equinode.torrent.bencode.BValue} tree, a strict decoder that
 * accepts only the canonical encoding, and an encoder that writes it.
 */
@NullMarked
package org.equinode.torrent.bencode;

import org.jspecify.annotations.NullMarked;
