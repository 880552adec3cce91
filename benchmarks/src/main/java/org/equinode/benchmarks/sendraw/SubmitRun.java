package org.equinode.benchmarks.sendraw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One timed submission: {@code clients} threads, each with its own keep-alive connection opened
 * beforehand, take the next pre-built {@code sendrawtransaction} request from a shared counter
 * until none is left. The clock runs from the start signal to the last answer; the answers are
 * checked only after it stops.
 *
 * @param submitted requests sent
 * @param accepted answers that carry a txid
 * @param nanos elapsed time
 * @param cpuMillis CPU the node's process used meanwhile (user + system), -1 if unknown
 * @param firstError the first refusal, if any
 */
record SubmitRun(
    int submitted, int accepted, long nanos, long cpuMillis, Optional<String> firstError) {
  private static final ObjectMapper JSON = new ObjectMapper();

  double perSecond() {
    return accepted * 1e9 / nanos;
  }

  /** The node's CPU microseconds per submitted transaction. */
  double cpuMicrosPerTx() {
    return cpuMillis < 0 ? Double.NaN : cpuMillis * 1000.0 / submitted;
  }

  static SubmitRun time(BenchNode node, List<String> txs, int clients) {
    byte[][] requests = new byte[txs.size()][];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = RpcConnection.request(i, "sendrawtransaction", txs.get(i));
    }
    byte[][] answers = new byte[requests.length][];
    List<RpcConnection> connections = new ArrayList<>(clients);
    for (int c = 0; c < clients; c++) {
      connections.add(new RpcConnection(node.rpcAddress(), node.authorization()));
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(clients);
    List<Thread> threads = new ArrayList<>(clients);
    for (RpcConnection connection : connections) {
      threads.add(
          Thread.ofPlatform()
              .name("submit-" + node.name() + "-" + threads.size())
              .start(
                  () -> {
                    try {
                      start.await();
                      for (int i = next.getAndIncrement();
                          i < requests.length;
                          i = next.getAndIncrement()) {
                        answers[i] = connection.post(requests[i]).body();
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                      failure.compareAndSet(null, e);
                    } finally {
                      done.countDown();
                    }
                  }));
    }
    long cpuBefore = ProcessCpu.millis(node.pid());
    long begin = System.nanoTime();
    start.countDown();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    long nanos = System.nanoTime() - begin;
    long cpuAfter = ProcessCpu.millis(node.pid());
    connections.forEach(RpcConnection::close);
    RuntimeException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
    int accepted = 0;
    Optional<String> firstError = Optional.empty();
    for (byte[] answer : answers) {
      Optional<String> error = refusal(answer);
      if (error.isEmpty()) {
        accepted++;
      } else if (firstError.isEmpty()) {
        firstError = error;
      }
    }
    long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
    return new SubmitRun(requests.length, accepted, nanos, cpu, firstError);
  }

  /** Empty when the answer carries a txid; otherwise what it says. */
  private static Optional<String> refusal(byte[] answer) {
    try {
      JsonNode response = JSON.readTree(answer);
      JsonNode result = response.path("result");
      if (result.isTextual() && result.asText().length() == 64) {
        return Optional.empty();
      }
      return Optional.of(response.path("error").toString());
    } catch (IOException e) {
      return Optional.of("not JSON: " + e.getMessage());
    }
  }
}
