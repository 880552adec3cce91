package org.equinode.torrent.metainfo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A relative file path inside a torrent, as a list of names, that is safe to create under a
 * download directory on Linux, macOS and Windows alike. Each name is non-empty, not {@code .} or
 * {@code ..}, has no {@code /}, {@code \} or control character (NUL included), does not start with
 * a drive letter ({@code C:}), is not a Windows device name ({@code CON}, {@code PRN}, {@code AUX},
 * {@code NUL}, {@code COM0}-{@code COM9}, {@code LPT0}-{@code LPT9}, in any case, with or without
 * an extension), and is at most {@link #MAX_NAME_BYTES} bytes of UTF-8. Ordered name by name, by
 * unsigned UTF-8 bytes.
 */
public record FilePath(List<String> names) implements Comparable<FilePath> {
  /** The longest name, in UTF-8 bytes: the limit of most file systems. */
  public static final int MAX_NAME_BYTES = 255;

  /** The longest whole path, in UTF-8 bytes with one separator between names. */
  public static final int MAX_PATH_BYTES = 4096;

  /** How many characters of a bad path an error message shows. */
  private static final int MAX_SHOWN_CHARS = 200;

  private static final Set<String> WINDOWS_DEVICES = windowsDevices();

  public FilePath {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new UnsafePathException("empty file path");
    }
    long bytes = names.size() - 1L;
    for (String name : names) {
      checkName(name, names);
      bytes += name.getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > MAX_PATH_BYTES) {
      throw new UnsafePathException(
          "unsafe path '" + show(names) + "': longer than " + MAX_PATH_BYTES + " bytes");
    }
  }

  /** A path of the given names. */
  public static FilePath of(String... names) {
    return new FilePath(List.of(names));
  }

  /**
   * Checks one name by the rules above.
   *
   * @throws UnsafePathException naming the name if it breaks one
   */
  public static void checkName(String name) {
    checkName(name, List.of(name));
  }

  private static void checkName(String name, List<String> path) {
    String problem = problemWith(name);
    if (!problem.isEmpty()) {
      throw new UnsafePathException(
          "unsafe path '" + show(path) + "': name '" + show(List.of(name)) + "' " + problem);
    }
  }

  /** What is wrong with {@code name}, or the empty string. */
  private static String problemWith(String name) {
    if (name.isEmpty()) {
      return "is empty";
    }
    if (name.equals(".") || name.equals("..")) {
      return "refers to a directory itself";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') {
        return "contains a path separator";
      }
      if (c < 0x20 || c == 0x7f) {
        return "contains a control character";
      }
    }
    if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
      return "starts with a drive letter";
    }
    if (isWindowsDevice(name)) {
      return "is a Windows device name";
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      return "is longer than " + MAX_NAME_BYTES + " bytes";
    }
    return "";
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * {@code CON}, {@code con.txt}, {@code Com1.tar.gz}, {@code nul .x}: Windows ignores the rest.
   */
  private static boolean isWindowsDevice(String name) {
    int dot = name.indexOf('.');
    String base = dot < 0 ? name : name.substring(0, dot);
    int end = base.length();
    while (end > 0 && base.charAt(end - 1) == ' ') {
      end--;
    }
    return WINDOWS_DEVICES.contains(base.substring(0, end).toUpperCase(Locale.ROOT));
  }

  private static Set<String> windowsDevices() {
    String[] fixed = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"};
    String[] numbered = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"};
    String[] devices = Arrays.copyOf(fixed, fixed.length + 2 * numbered.length);
    for (int i = 0; i < numbered.length; i++) {
      devices[fixed.length + 2 * i] = "COM" + numbered[i];
      devices[fixed.length + 2 * i + 1] = "LPT" + numbered[i];
    }
    return Set.of(devices);
  }

  /** The path with {@code /} between names, control characters escaped, cut short if long. */
  private static String show(List<String> names) {
    StringBuilder out = new StringBuilder();
    String joined = String.join("/", names);
    for (int i = 0; i < joined.length() && out.length() < MAX_SHOWN_CHARS; i++) {
      char c = joined.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() < MAX_SHOWN_CHARS ? out.toString() : out + "...";
  }

  /** The number of names. */
  public int depth() {
    return names.size();
  }

  /** The last name. */
  public String fileName() {
    return names.getLast();
  }

  /** This path with {@code more} appended. */
  public FilePath resolve(FilePath more) {
    return new FilePath(concat(names, more.names));
  }

  /** This path below the directory {@code name}. */
  public FilePath under(String name) {
    return new FilePath(concat(List.of(name), names));
  }

  /** Whether {@code other} lies strictly below this path. */
  public boolean isAncestorOf(FilePath other) {
    return other.names.size() > names.size() && other.names.subList(0, names.size()).equals(names);
  }

  /**
   * This path under {@code directory}; also checks that the result stays inside it once normalised,
   * as a second line of defence after the name rules.
   */
  public Path resolveUnder(Path directory) {
    Path base = directory.normalize();
    Path result = base;
    for (String name : names) {
      result = result.resolve(name);
    }
    if (!result.normalize().startsWith(base) || result.normalize().equals(base)) {
      throw new UnsafePathException("unsafe path '" + show(names) + "': leaves " + directory);
    }
    return result;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    String[] all = new String[first.size() + second.size()];
    for (int i = 0; i < first.size(); i++) {
      all[i] = first.get(i);
    }
    for (int i = 0; i < second.size(); i++) {
      all[first.size() + i] = second.get(i);
    }
    return List.of(all);
  }

  @Override
  public int compareTo(FilePath other) {
    int common = Math.min(names.size(), other.names.size());
    for (int i = 0; i < common; i++) {
      int c = compareCodePoints(names.get(i), other.names.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(names.size(), other.names.size());
  }

  /** Code point order, which is also the unsigned order of the UTF-8 bytes. */
  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** The names joined by {@code /}. */
  @Override
  public String toString() {
    return String.join("/", names);
  }
}
