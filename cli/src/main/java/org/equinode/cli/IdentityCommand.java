package org.equinode.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.equinode.api.Json;
import org.equinode.crypto.Ed25519PrivateKey;
import org.equinode.crypto.NodeKeyFile;
import org.equinode.node.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code equinode identity}: the node's identity key, created on first use. */
@Command(
    name = "identity",
    mixinStandardHelpOptions = true,
    description = {
      "Shows this node's identity: the Ed25519 public key that names it to its peers.",
      "The key is created on first use in <datadir>/identity.key, readable by you only."
    })
final class IdentityCommand implements Callable<Integer> {
  private final CommandEnvironment environment;

  @SuppressWarnings("NullAway.Init") // injected by picocli
  @ParentCommand
  EquinodeCommand parent;

  @SuppressWarnings("NullAway.Init") // injected by picocli
  @Spec
  CommandSpec spec;

  @Mixin JsonOption json = new JsonOption();

  IdentityCommand(CommandEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    DataDirectory dataDirectory = parent.global.dataDirectory(environment);
    Path file = dataDirectory.identityKeyFile();
    boolean existed = Files.exists(file);
    Ed25519PrivateKey key = NodeKeyFile.loadOrCreate(file, new SecureRandom());
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("nodeId", key.publicKey().toString());
      result.put("network", dataDirectory.network().id());
      result.put("keyFile", file.toString());
      result.put("created", !existed);
      out.println(Json.mapper().writeValueAsString(result));
    } else {
      out.println("node id:  " + key.publicKey());
      out.println("network:  " + dataDirectory.network().id());
      out.println("key file: " + file + (existed ? "" : " (created now)"));
    }
    out.flush();
    return 0;
  }
}
