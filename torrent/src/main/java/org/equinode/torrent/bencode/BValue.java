package org.equinode.torrent.bencode;

/**
 * A bencoded value: an integer, a byte string, a list or a dictionary. A {@code switch} over it is
 * checked for completeness.
 */
public sealed interface BValue permits BInteger, BBytes, BList, BDict {}
