package org.equinode.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.equinode.common.Hex;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link KeyValueStore} must do. Each backend extends this class and says how to open
 * itself; the same tests then run against it.
 */
abstract class KeyValueStoreContractTest {
  @TempDir Path folder;

  KeyValueStore store;

  /** Opens (or reopens) the backend's store in {@code folder}. */
  abstract KeyValueStore open(Path folder);

  @BeforeEach
  void openStore() {
    store = open(folder);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void putsGetsAndDeletes() {
    assertThat(store.get(bytes("a"))).isEmpty();
    store.write(new WriteBatch().put(bytes("a"), bytes("1")), Durability.PROCESS_CRASH);
    assertThat(store.get(bytes("a"))).hasValueSatisfying(v -> assertThat(text(v)).isEqualTo("1"));
    assertThat(store.contains(bytes("a"))).isTrue();
    store.write(new WriteBatch().delete(bytes("a")), Durability.POWER_FAILURE);
    assertThat(store.get(bytes("a"))).isEmpty();
    store.write(new WriteBatch().delete(bytes("never there")), Durability.PROCESS_CRASH);
  }

  @Test
  void theLastOperationOnAKeyInABatchWins() {
    store.write(
        new WriteBatch()
            .put(bytes("k"), bytes("first"))
            .put(bytes("k"), bytes("second"))
            .put(bytes("gone"), bytes("x"))
            .delete(bytes("gone")),
        Durability.PROCESS_CRASH);
    assertThat(text(store.get(bytes("k")).orElseThrow())).isEqualTo("second");
    assertThat(store.get(bytes("gone"))).isEmpty();
  }

  @Test
  void emptyValuesAndLargeValuesAreKept() {
    byte[] large = SeededRandom.bytes(SeededRandom.of(1), 3 * 1024 * 1024);
    store.write(
        new WriteBatch().put(bytes("empty"), new byte[0]).put(bytes("large"), large),
        Durability.PROCESS_CRASH);
    assertThat(store.get(bytes("empty"))).hasValueSatisfying(v -> assertThat(v).isEmpty());
    assertThat(store.get(bytes("large"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(large));
  }

  @Test
  void callersCannotChangeStoredBytes() {
    byte[] value = bytes("original");
    store.write(new WriteBatch().put(bytes("k"), value), Durability.PROCESS_CRASH);
    value[0] = 'X';
    store.get(bytes("k")).orElseThrow()[0] = 'Y';
    assertThat(text(store.get(bytes("k")).orElseThrow())).isEqualTo("original");
  }

  @Test
  void scansVisitAPrefixInUnsignedKeyOrder() {
    byte[][] keys = {
      {1, 0},
      {1, (byte) 0xff},
      {1, (byte) 0x80},
      {1, 0x7f},
      {1},
      {2, 0},
      {0, (byte) 0xff},
      {1, 1, 1}
    };
    WriteBatch batch = new WriteBatch();
    for (byte[] key : keys) {
      batch.put(key, key);
    }
    store.write(batch, Durability.PROCESS_CRASH);
    List<String> seen = new ArrayList<>();
    store.scan(new byte[] {1}, (k, v) -> seen.add(Hex.encode(k)));
    assertThat(seen).containsExactly("01", "0100", "010101", "017f", "0180", "01ff");
  }

  @Test
  void scansOfTheTopPrefixAndTheEmptyPrefix() {
    store.write(
        new WriteBatch()
            .put(new byte[] {(byte) 0xff}, bytes("a"))
            .put(new byte[] {(byte) 0xff, (byte) 0xff}, bytes("b"))
            .put(new byte[] {0}, bytes("c")),
        Durability.PROCESS_CRASH);
    List<String> top = new ArrayList<>();
    store.scan(new byte[] {(byte) 0xff}, (k, v) -> top.add(text(v)));
    assertThat(top).containsExactly("a", "b");
    List<String> all = new ArrayList<>();
    store.scan(new byte[0], (k, v) -> all.add(text(v)));
    assertThat(all).containsExactly("c", "a", "b");
  }

  @Test
  void aScanStopsWhenTheVisitorSaysSo() {
    WriteBatch batch = new WriteBatch();
    for (int i = 0; i < 10; i++) {
      batch.put(new byte[] {7, (byte) i}, new byte[] {(byte) i});
    }
    store.write(batch, Durability.PROCESS_CRASH);
    List<Integer> seen = new ArrayList<>();
    store.scan(
        new byte[] {7},
        (k, v) -> {
          seen.add((int) v[0]);
          return seen.size() < 3;
        });
    assertThat(seen).containsExactly(0, 1, 2);
  }

  @Test
  void matchesAReferenceMapUnderRandomBatches() {
    RandomGenerator random = SeededRandom.of(99);
    TreeMap<String, String> reference = new TreeMap<>();
    for (int round = 0; round < 300; round++) {
      WriteBatch batch = new WriteBatch();
      int operations = 1 + random.nextInt(8);
      for (int i = 0; i < operations; i++) {
        String key = "k" + random.nextInt(40);
        if (random.nextInt(4) == 0) {
          batch.delete(bytes(key));
          reference.remove(key);
        } else {
          String value = Integer.toString(random.nextInt());
          batch.put(bytes(key), bytes(value));
          reference.put(key, value);
        }
      }
      store.write(batch, Durability.PROCESS_CRASH);
    }
    TreeMap<String, String> actual = new TreeMap<>();
    store.scan(bytes("k"), (k, v) -> actual.put(text(k), text(v)) == null);
    assertThat(actual).isEqualTo(reference);
  }

  /** A reader never sees half a batch: both keys of each batch always carry the same value. */
  @Test
  void readersSeeWholeBatches() throws InterruptedException {
    List<String> torn = new ArrayList<>();
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    byte[] value = bytes(Integer.toString(i));
                    store.write(
                        new WriteBatch().put(bytes("pair/a"), value).put(bytes("pair/b"), value),
                        Durability.PROCESS_CRASH);
                  }
                });
    while (writer.isAlive()) {
      List<String> values = new ArrayList<>();
      store.scan(bytes("pair/"), (k, v) -> values.add(text(v)));
      if (values.size() == 2 && !values.get(0).equals(values.get(1))) {
        torn.add(values.toString());
      }
    }
    writer.join();
    assertThat(torn).as("scans that saw a torn batch").isEmpty();
  }

  @Test
  void aClosedStoreRefusesUseAndClosingTwiceIsHarmless() {
    store.close();
    store.close();
    assertThatThrownBy(() -> store.get(bytes("a")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.write(new WriteBatch(), Durability.PROCESS_CRASH))
        .isInstanceOf(StoreException.class);
  }
}
