package org.equinode.node;

import java.nio.file.Path;
import java.util.Optional;
import org.equinode.common.Network;

/**
 * Where a node keeps its files: {@code ~/.equinode/<network>} unless the user names a folder.
 *
 * @param root the folder itself
 * @param network the network whose data it holds
 */
public record DataDirectory(Path root, Network network) {
  /** The name of the folder under the user's home that holds one folder per network. */
  public static final String HOME_FOLDER = ".equinode";

  public DataDirectory {
    root = root.toAbsolutePath().normalize();
  }

  /**
   * The folder to use: {@code explicit} when given, otherwise {@code <home>/.equinode/<network>}.
   */
  public static DataDirectory resolve(Network network, Optional<Path> explicit, Path home) {
    return new DataDirectory(
        explicit.orElseGet(() -> home.resolve(HOME_FOLDER).resolve(network.id())), network);
  }

  /** The node's identity key file. */
  public Path identityKeyFile() {
    return root.resolve("identity.key");
  }
}
