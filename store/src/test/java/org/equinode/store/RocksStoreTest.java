package org.equinode.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RocksStoreTest extends KeyValueStoreContractTest {
  @Override
  KeyValueStore open(Path folder) {
    return RocksStore.open(folder.resolve("db"));
  }

  @Test
  void keepsItsContentAcrossReopening() {
    store.write(new WriteBatch().put(bytes("k"), bytes("v")), Durability.POWER_FAILURE);
    store.close();
    store = open(folder);
    assertThat(store.get(bytes("k"))).hasValueSatisfying(v -> assertThat(text(v)).isEqualTo("v"));
  }

  @Test
  void aSecondOpenOfTheSameFolderIsRefusedClearly() {
    assertThatThrownBy(() -> open(folder))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("in use by another process");
  }

  @Test
  void aDamagedDatabaseIsRefusedNotSilentlyUsed() throws IOException {
    for (int i = 0; i < 1000; i++) {
      store.write(
          new WriteBatch().put(bytes("key" + i), bytes("value" + i)), Durability.PROCESS_CRASH);
    }
    store.close();
    Path db = folder.resolve("db");
    try (Stream<Path> files = Files.list(db)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("MANIFEST")).toList()) {
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      }
    }
    assertThatThrownBy(() -> open(folder)).isInstanceOf(StoreException.class);
    store = new MemoryStore(); // for closeStore()
  }
}
