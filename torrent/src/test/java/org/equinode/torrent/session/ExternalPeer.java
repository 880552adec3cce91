package org.equinode.torrent.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real BitTorrent program run by a test (libtorrent's Python binding, aria2c, Transmission, a
 * static-file HTTP tracker): its standard output as lines, its standard error in a log file, and a
 * {@link #close()} that stops it by its PID (and its children), always called from a test's {@code
 * finally} through try-with-resources. Settings for loopback-only runs are in
 * /work/shared/INTEROP.md.
 */
final class ExternalPeer implements AutoCloseable {
  static final String PYTHON = "/usr/bin/python3";
  static final String LT_SCRIPT = "/org/equinode/torrent/interop/lt_seed.py";

  private final Process process;
  private final String name;
  private final Path log;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Thread reader;

  private ExternalPeer(Process process, String name, Path log) {
    this.process = process;
    this.name = name;
    this.log = log;
    this.reader = Thread.ofVirtual().name(name + "-stdout").start(this::readLines);
  }

  /** Starts {@code command}; its standard error goes to {@code <dir>/<name>.log}. */
  static ExternalPeer start(Path dir, String name, List<String> command) throws IOException {
    Path log = dir.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectError(log.toFile()).start();
    return new ExternalPeer(process, name, log);
  }

  /** Runs lt_seed.py (copied into {@code dir}) with these arguments. */
  static ExternalPeer libtorrent(Path dir, String name, String... args) throws IOException {
    Path script = dir.resolve("lt_seed.py");
    if (!Files.exists(script)) {
      try (InputStream in = ExternalPeer.class.getResourceAsStream(LT_SCRIPT)) {
        if (in == null) {
          throw new IOException("no " + LT_SCRIPT + " on the class path");
        }
        Files.write(script, in.readAllBytes());
      }
    }
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON, script.toString()));
    command.addAll(List.of(args));
    return start(dir, name, command);
  }

  private void readLines() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The process ended.
    }
  }

  /** Waits for a line of standard output starting with {@code prefix}; returns the rest. */
  String awaitLine(String prefix, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError(
            name + " printed no '" + prefix + "' in " + max + "; exit: " + exitValue() + logTail());
      }
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length()).strip();
      }
    }
  }

  /** Waits for the program to exit by itself; everything it printed. */
  String awaitOutput(Duration max) throws InterruptedException {
    awaitExit(max);
    reader.join(max.toMillis());
    StringBuilder out = new StringBuilder();
    for (String line = lines.poll(); line != null; line = lines.poll()) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** Waits for the program to exit by itself; its exit code. */
  int awaitExit(Duration max) throws InterruptedException {
    if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " still runs after " + max + logTail());
    }
    return process.exitValue();
  }

  String logTail() {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "\n--- "
          + log
          + " ---\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private String exitValue() {
    return process.isAlive() ? "still running" : String.valueOf(process.exitValue());
  }

  /** Stops the program by its PID: its stdin closed, then SIGTERM, then SIGKILL; children too. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Already gone.
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  // ---- environment -------------------------------------------------------------------------

  /** Whether {@code program} is an executable in /usr/bin or /bin. */
  static boolean installed(String program) {
    return Files.isExecutable(Path.of("/usr/bin", program))
        || Files.isExecutable(Path.of("/bin", program));
  }

  /** Whether /usr/bin/python3 can import libtorrent. */
  static boolean libtorrentInstalled() {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return false;
    }
    try {
      Process probe =
          new ProcessBuilder(PYTHON, "-c", "import libtorrent").redirectErrorStream(true).start();
      try {
        probe.getInputStream().readAllBytes();
        return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
      } finally {
        probe.destroyForcibly();
      }
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A TCP port free on 127.0.0.1 a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** Waits until something accepts TCP connections on 127.0.0.1:{@code port}. */
  static void awaitListening(int port, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      try (Socket probe = new Socket()) {
        probe.connect(loopback(port), 200);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("nothing listens on 127.0.0.1:" + port + " after " + max);
        }
        Thread.sleep(50);
      }
    }
  }

  /**
   * A tracker for aria2, which cannot be handed a peer: a static file served by {@code python3 -m
   * http.server} (it ignores the query string) that always answers with {@code peers}. Returns the
   * announce URL.
   */
  static String staticTracker(Path folder, List<InetSocketAddress> peers, int httpPort)
      throws IOException {
    return staticTracker(folder, "announce", peers, httpPort);
  }

  /** As {@link #staticTracker(Path, List, int)}, under another file name. */
  static String staticTracker(Path folder, String file, List<InetSocketAddress> peers, int httpPort)
      throws IOException {
    Files.createDirectories(folder);
    byte[] compact = new byte[6 * peers.size()];
    for (int i = 0; i < peers.size(); i++) {
      byte[] ip = peers.get(i).getAddress().getAddress();
      System.arraycopy(ip, 0, compact, 6 * i, 4);
      compact[6 * i + 4] = (byte) (peers.get(i).getPort() >> 8);
      compact[6 * i + 5] = (byte) peers.get(i).getPort();
    }
    byte[] head =
        ("d8:intervali60e5:peers" + compact.length + ":").getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length + compact.length + 1];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(compact, 0, body, head.length, compact.length);
    body[body.length - 1] = 'e';
    Files.write(folder.resolve(file), body);
    return "http://127.0.0.1:" + httpPort + "/" + file;
  }

  /** Serves {@code folder} over HTTP on 127.0.0.1:{@code port}. */
  static ExternalPeer httpServer(Path dir, Path folder, int port) throws IOException {
    return start(
        dir,
        "http-" + port,
        List.of(
            PYTHON,
            "-m",
            "http.server",
            String.valueOf(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            folder.toString()));
  }

  /** aria2c's options for a loopback-only run (INTEROP.md). */
  static List<String> aria2(int listenPort, String... more) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "/usr/bin/aria2c",
                "--interface=127.0.0.1",
                "--enable-dht=false",
                "--enable-dht6=false",
                "--bt-enable-lpd=false",
                "--enable-peer-exchange=false",
                "--disable-ipv6=true",
                "--bt-external-ip=127.0.0.1",
                "--summary-interval=0",
                "--console-log-level=warn",
                "--listen-port=" + listenPort));
    command.addAll(List.of(more));
    return command;
  }
}
