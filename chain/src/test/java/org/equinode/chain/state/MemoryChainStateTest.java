package org.equinode.chain.state;

import java.nio.file.Path;
import org.equinode.store.KeyValueStore;
import org.equinode.store.MemoryStore;

class MemoryChainStateTest extends ChainStateContractTest {
  @Override
  KeyValueStore openStore(Path folder) {
    return new MemoryStore();
  }

  @Override
  KeyValueStore reopenStore(Path folder, KeyValueStore old) {
    return old;
  }
}
