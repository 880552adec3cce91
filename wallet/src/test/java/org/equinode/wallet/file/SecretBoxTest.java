package org.equinode.wallet.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.equinode.common.Hex;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private final byte[] key = Hex.decode("01".repeat(32));
  private final byte[] nonce = Hex.decode("02".repeat(12));
  private final byte[] header = {1, 2, 3};
  private final byte[] plaintext = "the secrets".getBytes(StandardCharsets.UTF_8);

  @Test
  void sealsAndOpens() {
    byte[] sealed = SecretBox.seal(key, nonce, header, plaintext);
    assertThat(sealed).hasSize(plaintext.length + SecretBox.TAG_LENGTH);
    assertThat(SecretBox.open(key, nonce, header, sealed)).hasValue(plaintext);
  }

  @Test
  void anyChangeOpensNothing() {
    byte[] sealed = SecretBox.seal(key, nonce, header, plaintext);
    byte[] otherKey = key.clone();
    otherKey[0] ^= 1;
    assertThat(SecretBox.open(otherKey, nonce, header, sealed)).isEmpty();
    assertThat(SecretBox.open(key, nonce, new byte[] {1, 2, 4}, sealed)).isEmpty();
    for (int i = 0; i < sealed.length; i++) {
      byte[] altered = sealed.clone();
      altered[i] ^= 0x40;
      assertThat(SecretBox.open(key, nonce, header, altered)).as("byte %d", i).isEmpty();
    }
    assertThat(SecretBox.open(key, nonce, header, new byte[5])).isEmpty();
  }
}
