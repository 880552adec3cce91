package org.equinode.chain.consensus;

import java.util.ArrayList;
import java.util.List;

/** Every consensus vector: header, body, signature-limit and spending cases. */
public final class ConsensusVectors {
  private static final List<ConsensusVector> ALL = build();

  private ConsensusVectors() {}

  /** The vectors, built once (mining on DEV and signing take a few seconds). */
  public static List<ConsensusVector> all() {
    return ALL;
  }

  private static List<ConsensusVector> build() {
    List<ConsensusVector> all = new ArrayList<>();
    all.addAll(HeaderVectors.all());
    all.addAll(BodyVectors.all());
    all.addAll(SpendVectors.all());
    return List.copyOf(all);
  }
}
