package org.equinode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityCommandTest {
  @TempDir Path home;

  @Test
  void createsTheKeyOnceOwnerOnlyAndShowsTheSameIdAfterwards() throws Exception {
    CommandRunner runner = new CommandRunner(home);
    CommandRunner.Result first = runner.run("identity");
    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains("network:  dev", "(created now)");
    Path file = home.resolve(".equinode/dev/identity.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    CommandRunner.Result second = runner.run("identity", "--json");
    assertThat(second.exitCode()).isZero();
    String id = first.out().lines().findFirst().orElseThrow().substring("node id:  ".length());
    assertThat(second.out()).contains("\"nodeId\":\"" + id + "\"", "\"created\":false");
  }

  @Test
  void eachNetworkAndDataDirectoryHasItsOwnKey() {
    CommandRunner runner = new CommandRunner(home);
    assertThat(runner.run("--network", "test", "identity").out()).contains("network:  test");
    Path custom = home.resolve("custom");
    assertThat(runner.run("identity", "--datadir", custom.toString()).out())
        .contains(custom.resolve("identity.key").toString());
  }

  @Test
  void aDamagedKeyFileIsOneClearErrorLine() throws Exception {
    Path folder = home.resolve(".equinode/dev");
    Files.createDirectories(folder);
    Path file = folder.resolve("identity.key");
    Files.writeString(file, "garbage");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    CommandRunner.Result result = new CommandRunner(home).run("identity");
    assertThat(result.exitCode()).isEqualTo(ErrorReporter.FAILED);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).contains("refusing node key file", "not an Equinode node key file");
  }
}
