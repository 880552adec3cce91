package org.equinode.torrent.dht;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {
  private static final long MINUTE = 60_000_000_000L;

  @Test
  void aTokenIsGoodForTwoSecretsAndOnlyForItsAddress() throws Exception {
    InetAddress a = InetAddress.getByName("1.2.3.4");
    InetAddress b = InetAddress.getByName("1.2.3.5");
    TokenSecrets secrets = new TokenSecrets(SeededRandom.of(1), 0);
    Token token = secrets.tokenFor(a, 0);
    assertThat(token.value().length()).isEqualTo(TokenSecrets.TOKEN_LENGTH);
    assertThat(secrets.isValid(token, a, 4 * MINUTE)).isTrue();
    assertThat(secrets.isValid(token, b, 4 * MINUTE)).isFalse();
    assertThat(secrets.isValid(token, a, 6 * MINUTE)).isTrue(); // one rotation: previous secret
    assertThat(secrets.tokenFor(a, 6 * MINUTE)).isNotEqualTo(token);
    assertThat(secrets.isValid(token, a, 11 * MINUTE)).isFalse(); // two rotations: gone
  }

  @Test
  void aLongSilenceForgetsBothSecrets() throws Exception {
    InetAddress a = InetAddress.getByName("1.2.3.4");
    TokenSecrets secrets = new TokenSecrets(SeededRandom.of(2), 0);
    Token token = secrets.tokenFor(a, 0);
    assertThat(secrets.isValid(token, a, 60 * MINUTE)).isFalse();
  }
}
