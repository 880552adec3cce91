package org.equinode.wallet.file;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id, version 1.3 (RFC 9106), as BouncyCastle implements it. */
public final class Argon2Kdf {
  private Argon2Kdf() {}

  /**
   * The {@code length}-byte Argon2id tag of {@code password} with {@code salt} at cost {@code
   * params}; no secret key and no associated data.
   */
  public static byte[] derive(byte[] password, byte[] salt, Argon2Params params, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(params.memoryKiB())
            .withIterations(params.iterations())
            .withParallelism(params.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }
}
