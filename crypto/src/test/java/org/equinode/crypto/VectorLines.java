package org.equinode.crypto;

import java.util.List;
import org.equinode.testing.Vectors;

/** The data lines of a vector file: blank lines and {@code #} comments left out. */
final class VectorLines {
  private VectorLines() {}

  static List<String> of(String resource) {
    return Vectors.text(VectorLines.class, resource)
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .toList();
  }
}
