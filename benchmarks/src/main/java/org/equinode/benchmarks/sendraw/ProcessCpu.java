package org.equinode.benchmarks.sendraw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used (user + system), from {@code /proc/PID/stat}: on a machine shared
 * with other work, the CPU each node spends per transaction is steadier than its throughput.
 */
final class ProcessCpu {
  /** Linux reports these fields in clock ticks, 100 per second on every common configuration. */
  static final long TICKS_PER_SECOND = 100;

  private ProcessCpu() {}

  /** Milliseconds of CPU used so far, or -1 where {@code /proc} cannot tell. */
  static long millis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name (which may hold spaces) start at state, field 3.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 1000 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
