package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.equinode.api.Json;
import org.equinode.common.Network;
import org.equinode.common.TimeSource;
import org.equinode.node.DataDirectory;
import org.equinode.node.Node;
import org.equinode.node.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wallet create}, {@code restore} and {@code unlock} read the words and passphrases from
 * standard input, never from argv.
 */
class WalletRestoreCommandTest {
  @TempDir Path home;

  private record Run(int code, String out, String err) {}

  private Run run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandEnvironment environment =
        new CommandEnvironment(
            home,
            TimeSource.system(),
            SecretInput.lines(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    int code =
        EquinodeCommand.run(
            args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
    return new Run(code, out.toString(), err.toString());
  }

  private static JsonNode json(Run run) throws Exception {
    assertThat(run.code()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out());
  }

  @Test
  @Timeout(120)
  void restoresFromStandardInputAndRefusesBadWords() throws Exception {
    Path data = home.resolve("dev");
    try (Node node =
        Node.start(NodeConfig.loopback(new DataDirectory(data, Network.DEV)), "test")) {
      assertThat(node.rpcCookie().token()).isNotEmpty();
      String[] global = {"--network", "dev", "--datadir", data.toString()};
      JsonNode created = json(run("\n", concat(global, "wallet", "create", "first", "--json")));
      String mnemonic = created.get("mnemonic").asText();
      assertThat(mnemonic.split(" ")).hasSize(24);
      assertThat(created.get("warning").asText()).contains("write them down");
      String address = json(run("", concat(global, "wallet", "address", "--json"))).asText();
      json(run("", concat(global, "mine", "3", "--to", address, "--json")));

      JsonNode restored =
          json(
              run(
                  mnemonic + "\nnew secret\n",
                  concat(global, "wallet", "restore", "second", "--json")));
      assertThat(restored.get("transactions").asInt()).isEqualTo(3);
      assertThat(restored.get("locked").asBoolean()).isTrue();

      Run unknown =
          run(
              mnemonic.replaceFirst("^\\S+", "zzzq") + "\n\n",
              concat(global, "wallet", "restore", "third"));
      assertThat(unknown.code()).isEqualTo(ErrorReporter.FAILED);
      assertThat(unknown.err()).contains("word 1 'zzzq' is not in the BIP39 English list");
      Run empty = run("", concat(global, "wallet", "restore", "third"));
      assertThat(empty.code()).isEqualTo(ErrorReporter.FAILED);
      assertThat(empty.err())
          .contains("standard input ended before the recovery words; nothing was restored");
      Run help = run("", "wallet", "restore", "--help");
      assertThat(help.out()).contains("never taken from", "(ps)", "gap");
    }
  }

  @Test
  @Timeout(120)
  void createAndUnlockReadThePassphraseFromStandardInput() throws Exception {
    Path data = home.resolve("dev");
    try (Node node =
        Node.start(NodeConfig.loopback(new DataDirectory(data, Network.DEV)), "test")) {
      assertThat(node.rpcCookie().token()).isNotEmpty();
      String[] global = {"--network", "dev", "--datadir", data.toString()};
      Run onArgv = run("", concat(global, "wallet", "create", "a", "--passphrase", "secret"));
      assertThat(onArgv.code()).isNotZero();
      assertThat(onArgv.err()).contains("Unknown options: '--passphrase'");
      Run noInput = run("", concat(global, "wallet", "create", "a"));
      assertThat(noInput.code()).isEqualTo(ErrorReporter.FAILED);
      assertThat(noInput.err())
          .contains("standard input ended before the wallet passphrase; nothing was created");

      JsonNode created =
          json(run("s3cret words\n", concat(global, "wallet", "create", "a", "--json")));
      assertThat(created.get("warning").asText()).doesNotContain("no passphrase");
      // Encrypted and locked: it hands out the addresses it derived ahead, but cannot sign.
      String address = json(run("", concat(global, "wallet", "address", "--json"))).asText();
      json(run("", concat(global, "mine", "101", "--to", address, "--json")));
      Run locked = run("", concat(global, "wallet", "send", address, "1"));
      assertThat(locked.code()).isEqualTo(ErrorReporter.FAILED);
      assertThat(locked.err()).contains("is locked");

      Run wrong = run("not it\n", concat(global, "wallet", "unlock"));
      assertThat(wrong.code()).isEqualTo(ErrorReporter.FAILED);
      assertThat(wrong.err()).contains("wrong passphrase for wallet 'a'");
      assertThat(
              json(run("s3cret words\n", concat(global, "wallet", "unlock", "--json")))
                  .get("locked")
                  .asBoolean())
          .isFalse();
      assertThat(run("", concat(global, "wallet", "send", address, "1")).code()).isZero();
      assertThat(
              json(run("", concat(global, "wallet", "lock", "--json"))).get("locked").asBoolean())
          .isTrue();
      assertThat(run("", "wallet", "create", "--help").out()).contains("never taken from", "(ps)");
      assertThat(run("", "rpc", "--help").out()).contains("wallet unlock", "(ps)");
    }
  }

  private static String[] concat(String[] first, String... rest) {
    String[] all = new String[first.length + rest.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }
}
