package org.equinode.store;

import java.nio.file.Path;

class MemoryStoreTest extends KeyValueStoreContractTest {
  @Override
  KeyValueStore open(Path folder) {
    return new MemoryStore();
  }
}
