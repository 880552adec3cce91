package org.equinode.torrent.session;

import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;
import org.equinode.common.TimeSource;

/**
 * What a session takes from around it: the clock, randomness (a seeded generator for decisions a
 * test may replay, a secure one for peer ids' and MSE keys), and the bounded pool that runs disk
 * I/O and hashing (sized to the cores, shared by every torrent; the caller shuts it down).
 */
public record SessionEnvironment(
    TimeSource time, RandomGenerator random, SecureRandom secureRandom, ExecutorService pool) {}
