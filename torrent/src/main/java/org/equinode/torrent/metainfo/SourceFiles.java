package org.equinode.torrent.metainfo;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The files a new torrent is made of. A file is shared as itself; a folder as every regular file
 * below it, sorted by path. Inside a folder, hidden entries (names starting with {@code .}: version
 * control, editor and OS droppings, secrets such as {@code .env}) and symbolic links (which could
 * point anywhere, or loop) are skipped and reported, as is anything that is not a regular file. The
 * source itself may be given through a link: naming it is a deliberate choice.
 */
final class SourceFiles {
  /** One file to hash: its path in the torrent, where it is, and its length when listed. */
  record SourceFile(FilePath path, Path location, long length) {}

  /** The torrent's name, its files in order, and what was left out. */
  record Listing(String name, boolean multiFile, List<SourceFile> files, List<Path> skipped) {}

  private SourceFiles() {}

  static Listing list(Path source) {
    Path root;
    BasicFileAttributes attributes;
    try {
      root = source.toRealPath();
      attributes = Files.readAttributes(root, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new TorrentCreationException("cannot read '" + source + "': " + e, e);
    }
    Path fileName = root.getFileName();
    if (fileName == null) {
      throw new TorrentCreationException("'" + source + "' has no name to give the torrent");
    }
    String name = fileName.toString();
    if (attributes.isRegularFile()) {
      SourceFile file = new SourceFile(torrentPath(root, List.of(name)), root, attributes.size());
      return new Listing(name, false, List.of(file), List.of());
    }
    if (!attributes.isDirectory()) {
      throw new TorrentCreationException("'" + source + "' is neither a file nor a folder");
    }
    List<SourceFile> files = new ArrayList<>();
    List<Path> skipped = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          EnumSet.noneOf(FileVisitOption.class),
          Integer.MAX_VALUE,
          new Collector(root, name, files, skipped));
    } catch (IOException e) {
      throw new TorrentCreationException("cannot list '" + source + "': " + e, e);
    }
    if (files.isEmpty()) {
      throw new TorrentCreationException("no files to share in '" + source + "'");
    }
    files.sort(Comparator.comparing(SourceFile::path));
    return new Listing(name, true, files, skipped);
  }

  private static FilePath torrentPath(Path location, List<String> names) {
    try {
      return new FilePath(names);
    } catch (UnsafePathException e) {
      throw new TorrentCreationException("cannot share '" + location + "': " + e.getMessage(), e);
    }
  }

  private static boolean hidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** Walks the folder without following links. */
  private record Collector(Path root, String name, List<SourceFile> files, List<Path> skipped)
      implements FileVisitor<Path> {
    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
      if (!dir.equals(root) && hidden(dir)) {
        skipped.add(dir);
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
      if (hidden(file) || !attributes.isRegularFile()) {
        skipped.add(file);
        return FileVisitResult.CONTINUE;
      }
      if (files.size() == InfoDict.MAX_FILES) {
        throw new TorrentCreationException(
            "'" + root + "' holds more than " + InfoDict.MAX_FILES + " files");
      }
      List<String> names = new ArrayList<>();
      names.add(name);
      root.relativize(file).forEach(part -> names.add(part.toString()));
      files.add(new SourceFile(torrentPath(file, names), file, attributes.size()));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
      throw e;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException e)
        throws IOException {
      if (e != null) {
        throw e;
      }
      return FileVisitResult.CONTINUE;
    }
  }
}
