package org.equinode.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads published test-vector files kept as test resources. */
public final class Vectors {
  private Vectors() {}

  /**
   * The text of a resource on the test classpath, such as {@code "/vectors/rfc8032.txt"}.
   *
   * @throws IllegalArgumentException if there is no such resource
   */
  public static String text(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test resource " + resource, e);
    }
  }
}
