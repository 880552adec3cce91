package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.equinode.api.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DevnetCommandTest {
  @TempDir Path home;

  private List<JsonNode> run(CommandRunner runner, String seconds) {
    CommandRunner.Result result =
        runner.run(
            "devnet",
            "--duration",
            seconds,
            "--interval",
            "100",
            "--seed",
            "7",
            "--json",
            "--rpc",
            "127.0.0.1:0");
    assertThat(result.exitCode()).as(result.err()).isZero();
    return result.out().lines().map(DevnetCommandTest::parse).toList();
  }

  private static JsonNode parse(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }

  @Test
  @Timeout(120)
  void minesPaysAndResumesTheSameChain() {
    CommandRunner runner = new CommandRunner(home, org.equinode.common.TimeSource.system());
    List<JsonNode> first = run(runner, "3");
    assertThat(first).isNotEmpty();
    assertThat(first.get(0).get("height").asInt()).isEqualTo(DevnetCommand.BOOTSTRAP_BLOCKS + 1);
    assertThat(first).anySatisfy(line -> assertThat(line.has("payment")).isTrue());
    int lastHeight = first.get(first.size() - 1).get("height").asInt();

    List<JsonNode> second = run(runner, "1");
    assertThat(second.get(0).get("height").asInt()).isEqualTo(lastHeight + 1);
    JsonNode last = second.get(second.size() - 1);
    // Every coin is someone's: what the two wallets hold confirmed never exceeds what was mined.
    assertThat(last.get("alice").decimalValue().add(last.get("bob").decimalValue()))
        .isLessThanOrEqualTo(new java.math.BigDecimal(50L * last.get("height").asInt()));
  }
}
