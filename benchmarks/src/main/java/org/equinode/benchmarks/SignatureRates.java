package org.equinode.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Ed25519Signature;

/**
 * Verifies a list of signatures on a pool of threads, each taking an equal slice, and reports the
 * signatures per second of the whole list: with as many threads as cores, the rate of all cores.
 */
final class SignatureRates {
  private final ExecutorService pool;
  private final int threads;

  SignatureRates(ExecutorService pool, int threads) {
    this.pool = pool;
    this.threads = threads;
  }

  /** BouncyCastle's own verification from the key's bytes, without Equinode's rule. */
  double bare(List<FullBlockChain.Signed> signatures) {
    return rate(
        signatures,
        s ->
            Ed25519.verify(s.signature(), 0, s.publicKey(), 0, s.message(), 0, s.message().length));
  }

  /** Equinode's cost per signature: parsing the key (order check of A) and the rule's verify. */
  double rule(List<FullBlockChain.Signed> signatures) {
    return rate(
        signatures,
        s ->
            Ed25519PublicKey.parse(s.publicKey())
                .verify(s.message(), Ed25519Signature.of(s.signature())));
  }

  private double rate(
      List<FullBlockChain.Signed> signatures, Predicate<FullBlockChain.Signed> verify) {
    int size = signatures.size();
    long start = System.nanoTime();
    List<Future<Integer>> parts = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      List<FullBlockChain.Signed> slice =
          signatures.subList(size * t / threads, size * (t + 1) / threads);
      parts.add(
          pool.submit(
              () -> {
                int valid = 0;
                for (FullBlockChain.Signed signed : slice) {
                  valid += verify.test(signed) ? 1 : 0;
                }
                return valid;
              }));
    }
    int valid = 0;
    for (Future<Integer> part : parts) {
      try {
        valid += part.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while verifying", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a verification failed", e);
      }
    }
    long elapsed = System.nanoTime() - start;
    if (valid != size) {
      throw new IllegalStateException(
          (size - valid) + " of " + size + " signatures did not verify");
    }
    return size * 1e9 / elapsed;
  }
}
