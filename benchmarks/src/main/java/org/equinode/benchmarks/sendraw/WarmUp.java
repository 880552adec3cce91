package org.equinode.benchmarks.sendraw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warms a node up without spending transactions: {@code clients} connections call {@code
 * testmempoolaccept} on not-yet-sent transactions, round and round, for a fixed time. The node
 * decodes and verifies each one as {@code sendrawtransaction} would (a JVM's JIT needs many
 * thousands of calls before its code is at full speed), and nothing enters the mempool.
 */
final class WarmUp {
  private WarmUp() {}

  /** Answers how many calls were made. */
  static long run(BenchNode node, List<String> txs, int clients, Duration duration) {
    List<byte[]> requests = new ArrayList<>(txs.size());
    for (int i = 0; i < txs.size(); i++) {
      requests.add(RpcConnection.request(i, "testmempoolaccept", List.of(txs.get(i))));
    }
    long deadline = System.nanoTime() + duration.toNanos();
    AtomicLong calls = new AtomicLong();
    List<Thread> threads = new ArrayList<>(clients);
    for (int c = 0; c < clients; c++) {
      int first = c;
      threads.add(
          Thread.ofPlatform()
              .name("warm-" + node.name() + "-" + c)
              .start(
                  () -> {
                    try (RpcConnection connection =
                        new RpcConnection(node.rpcAddress(), node.authorization())) {
                      for (int i = first; System.nanoTime() < deadline; i += clients) {
                        connection.post(requests.get(i % requests.size()));
                        calls.incrementAndGet();
                      }
                    }
                  }));
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return calls.get();
  }
}
