package org.equinode.chain.state;

import java.nio.file.Path;
import org.equinode.store.KeyValueStore;
import org.equinode.store.RocksStore;

class RocksChainStateTest extends ChainStateContractTest {
  @Override
  KeyValueStore openStore(Path folder) {
    return RocksStore.open(folder.resolve("chain"));
  }

  @Override
  KeyValueStore reopenStore(Path folder, KeyValueStore old) {
    old.close();
    return openStore(folder);
  }
}
