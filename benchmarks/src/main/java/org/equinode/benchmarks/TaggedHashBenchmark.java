package org.equinode.benchmarks;

import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.equinode.common.Hash32;
import org.equinode.crypto.TaggedHash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tagged SHA-256 of a 32-byte and a 1 KiB input, beside one plain JDK SHA-256 of the same bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TaggedHashBenchmark {
  @Param({"32", "1024"})
  public int size;

  private final TaggedHash tagged = TaggedHash.of("eq/tx");
  private final MessageDigest sha256 = TaggedHash.sha256();
  private byte[] data = new byte[0];

  @Setup
  public void fill() {
    data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (i * 31 + 7);
    }
  }

  /** {@link TaggedHash#hash}: clones the absorbed 64-byte prefix, then hashes the data. */
  @Benchmark
  public Hash32 taggedSha256() {
    return tagged.hash(data);
  }

  /** One reused JDK {@link MessageDigest}, for comparison. */
  @Benchmark
  public byte[] jdkSha256() {
    return sha256.digest(data);
  }
}
