package org.equinode.wallet.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hex;
import org.equinode.common.MalformedException;
import org.equinode.testing.Vectors;
import org.equinode.wallet.WalletException;
import org.junit.jupiter.api.Test;

class Argon2KdfTest {
  @Test
  void referenceImplementationVectors() {
    int checked = 0;
    for (String line :
        Vectors.text(getClass(), "/vectors/argon2/phc-argon2id.txt").lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      Argon2Params params =
          new Argon2Params(Integer.parseInt(f[1]), Integer.parseInt(f[0]), Integer.parseInt(f[2]));
      byte[] tag =
          Argon2Kdf.derive(
              f[3].getBytes(StandardCharsets.US_ASCII),
              f[4].getBytes(StandardCharsets.US_ASCII),
              params,
              32);
      assertThat(Hex.encode(tag)).as(line).isEqualTo(f[5]);
      checked++;
    }
    assertThat(checked).isEqualTo(3);
  }

  @Test
  void costsAreBoundedAndRoundTrip() {
    assertThat(Argon2Params.DEFAULT).isEqualTo(new Argon2Params(65536, 3, 1));
    assertThatThrownBy(() -> new Argon2Params(15, 1, 2))
        .isInstanceOf(WalletException.class)
        .hasMessage("Argon2 memory 15 KiB is outside 16..1048576");
    assertThatThrownBy(() -> new Argon2Params(64, 0, 1))
        .isInstanceOf(WalletException.class)
        .hasMessage("Argon2 iterations 0 is outside 1..64");
    ByteWriter writer = ByteWriter.unbounded();
    Argon2Params.DEFAULT.write(writer);
    assertThat(Hex.encode(writer.toByteArray())).isEqualTo("00000100" + "03000000" + "01");
    assertThat(Argon2Params.read(ByteReader.of(writer.toByteArray())))
        .isEqualTo(Argon2Params.DEFAULT);
    byte[] huge = Hex.decode("ffffffff" + "03000000" + "01");
    assertThatThrownBy(() -> Argon2Params.read(ByteReader.of(huge)))
        .isInstanceOf(MalformedException.class)
        .hasMessage("Argon2 cost of 4294967295 KiB and 3 iterations exceeds 1048576 KiB or 64");
  }
}
