/**
 * Swarm logic, pure and deterministic: which blocks to request from which peer ({@link
 * org.equinode.torrent.swarm.PiecePicker}), how many requests to keep in flight ({@link
 * org.equinode.torrent.swarm.RequestQueueSizer}), which peers to upload to ({@link
 * org.equinode.torrent.swarm.Choker}), and rates and rate limits ({@link
 * org.equinode.torrent.swarm.RateMeter}, {@link org.equinode.torrent.swarm.RateLimiter}). Nothing
 * here opens a socket, starts a thread or reads a clock: times are {@code TimeSource.nanoTime()}
 * readings passed in, randomness is a passed-in generator.
 */
@NullMarked
package org.equinode.torrent.swarm;

import org.jspecify.annotations.NullMarked;
