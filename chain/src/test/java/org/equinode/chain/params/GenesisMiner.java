package org.equinode.chain.params;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.equinode.chain.block.BlockHeader;
import org.equinode.common.Network;

/**
 * Grinds the nonce of each network's genesis header, from 0 upwards, and prints the first one that
 * meets the header's own target with the resulting hash. Run it after changing a genesis message,
 * time or target, then copy the nonces into {@link Genesis} and the hashes into {@code GenesisTest}
 * and {@code chain/README.md}.
 */
public final class GenesisMiner {
  private GenesisMiner() {}

  /** The first nonce from 0 upwards that makes {@code template} meet its own target. */
  static long grind(BlockHeader template) {
    for (long nonce = 0; ; nonce++) {
      if (template.withNonce(nonce).hasProofOfWork()) {
        return nonce;
      }
    }
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (Network network : Network.values()) {
      BlockHeader template = ChainParams.of(network).genesis().header();
      long nonce = grind(template);
      out.println(network + " nonce " + nonce + " hash " + template.withNonce(nonce).hash());
    }
  }
}
