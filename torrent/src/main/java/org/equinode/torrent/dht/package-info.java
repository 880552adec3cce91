/**
 * The Mainline DHT (BEP 5) with node ids bound to addresses (BEP 42): KRPC messages and their
 * codecs, node ids, the routing table, the server's tokens and peer store, iterative lookups, and
 * the one class that holds the UDP socket ({@link org.equinode.torrent.dht.DhtSocket}).
 */
@NullMarked
package org.equinode.torrent.dht;

import org.jspecify.annotations.NullMarked;
