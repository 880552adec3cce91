package org.equinode.node.rpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.node.NodeException;

/**
 * How a client finds and authenticates to a running node, as {@code bitcoin-cli} reads bitcoind's
 * cookie: the node writes {@code rpc.cookie} in its data directory on each start (owner-only), with
 * its JSON-RPC address and a fresh random token, and deletes it on a clean stop.
 *
 * @param url where the JSON-RPC server listens
 * @param token the bearer token it requires
 */
public record RpcCookie(URI url, String token) {
  /** The file's name in the data directory. */
  public static final String FILE_NAME = "rpc.cookie";

  private static final int TOKEN_BYTES = 32;

  /** A fresh random token. */
  public static String newToken(SecureRandom random) {
    byte[] token = new byte[TOKEN_BYTES];
    random.nextBytes(token);
    return HexFormat.of().formatHex(token);
  }

  /** Writes the cookie into {@code folder}, readable by the owner only. */
  public void write(Path folder) {
    String text =
        "# Equinode JSON-RPC cookie: rewritten on every start\nurl="
            + url
            + "\ntoken="
            + token
            + "\n";
    OwnerOnlyFiles.writeAtomically(
        folder.resolve(FILE_NAME), text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads the cookie of the node whose data directory is {@code folder}.
   *
   * @throws NodeException when there is none (no node running there) or it is unreadable
   */
  public static RpcCookie read(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    Properties properties = new Properties();
    try {
      properties.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      throw new NodeException(
          "no running node found: " + file + " does not exist (start one with './equinode node')");
    } catch (IOException e) {
      throw new NodeException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String url = properties.getProperty("url");
    String token = properties.getProperty("token");
    if (url == null || token == null || token.isEmpty()) {
      throw new NodeException(file + " is damaged: it needs a url and a token line");
    }
    try {
      return new RpcCookie(URI.create(url), token);
    } catch (IllegalArgumentException e) {
      throw new NodeException(file + " holds a bad url: " + url, e);
    }
  }

  /** Removes the cookie, if it is still this one (a newer node may have replaced it). */
  public void delete(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    try {
      if (Files.exists(file) && read(folder).token.equals(token)) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NodeException e) {
      // Someone else's or damaged: leave it.
    }
  }

  @Override
  public String toString() {
    return "RpcCookie[" + url + "]";
  }
}
