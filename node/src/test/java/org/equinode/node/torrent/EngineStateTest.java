package org.equinode.node.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.equinode.torrent.session.RateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineStateTest {
  private static final int DEFAULT = 200;

  @TempDir Path folder;

  private Optional<EngineState.Saved> load(String json) throws IOException {
    Files.writeString(folder.resolve(EngineState.FILE), json);
    return new EngineState(folder).load(DEFAULT);
  }

  @Test
  void roundTrips() {
    EngineState state = new EngineState(folder);
    EngineState.Saved saved =
        new EngineState.Saved(new RateLimits(OptionalLong.of(1000), OptionalLong.empty()), 50);
    state.save(saved);
    assertThat(state.load(DEFAULT)).contains(saved);
  }

  @Test
  void anEmptyObjectLoadsTheDefaultsNotZeroConnections() throws IOException {
    EngineState.Saved saved = load("{}").orElseThrow();
    assertThat(saved.maxConnections()).isEqualTo(DEFAULT);
    assertThat(saved.limits()).isEqualTo(RateLimits.NONE);
  }

  @Test
  void valuesOutOfRangeAreIgnoredOneByOne() throws IOException {
    EngineState.Saved saved =
        load("{\"maxDownloadRate\":-5,\"maxUploadRate\":300,\"maxConnections\":-1}").orElseThrow();
    assertThat(saved.maxConnections()).isEqualTo(DEFAULT);
    assertThat(saved.limits())
        .isEqualTo(new RateLimits(OptionalLong.empty(), OptionalLong.of(300)));
    assertThat(load("{\"maxConnections\":20001,\"maxDownloadRate\":0}").orElseThrow())
        .isEqualTo(new EngineState.Saved(Optional.empty(), Optional.empty(), DEFAULT));
  }

  @Test
  void aFileThatIsNotJsonIsIgnored() throws IOException {
    assertThat(load("{not json")).isEmpty();
    assertThat(load("[]")).isEmpty();
  }
}
