package org.equinode.torrent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.equinode.torrent.storage.StorageException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskPieceStoreTest extends PieceStoreContract {
  @TempDir Path temp;
  private int stores;

  @Override
  PieceStore newStore(TestTorrent torrent) {
    return DiskPieceStore.open(
        torrent.layout(),
        torrent.hashes(),
        temp.resolve("download" + stores++),
        StorageOptions.defaults());
  }

  private DiskPieceStore open(TestTorrent t, Path folder) {
    return DiskPieceStore.open(t.layout(), t.hashes(), folder, StorageOptions.defaults());
  }

  private static StorageException.Reason reasonOf(Throwable e) {
    return ((StorageException) e).reason();
  }

  @Test
  void putsFilesUnderTheFolderAndCreatesOnlyWhatIsWritten() throws IOException {
    TestTorrent t = TestTorrent.of(1, 16, 20, 0, 30, 30);
    Path folder = temp.resolve("dl");
    try (DiskPieceStore store = open(t, folder)) {
      assertThat(store.path(0)).isEqualTo(folder.toAbsolutePath().resolve("t/f0"));
      t.writePiece(store, 0, 16);
      t.writePiece(store, 1, 16); // f0[16..20) + f2[0..12)
      assertThat(Files.readAllBytes(store.path(0))).isEqualTo(t.file(0));
      assertThat(Files.size(store.path(2))).isEqualTo(12);
      assertThat(Files.exists(store.path(1))).isFalse(); // zero-length: only ensureFile makes it
      assertThat(Files.exists(store.path(3))).isFalse(); // nothing written there
      store.sync();
    }
  }

  @Test
  void refusesAFolderLinkThatLeavesTheDownloadFolder() throws IOException {
    TestTorrent t = TestTorrent.of(2, 16, 20);
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Path folder = Files.createDirectories(temp.resolve("dl"));
    Files.createSymbolicLink(folder.resolve("t"), outside);
    assertThatThrownBy(() -> open(t, folder))
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.UNSAFE_PATH))
        .hasMessageContaining("a symbolic link to '" + outside.toRealPath() + "'")
        .hasMessageContaining("outside the download folder");
    assertThat(isEmptyFolder(outside)).isTrue();
  }

  @Test
  void refusesALinkMadeAfterOpening() throws IOException {
    TestTorrent t = TestTorrent.of(3, 16, 20);
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Path folder = temp.resolve("dl");
    try (DiskPieceStore store = open(t, folder)) {
      Files.createSymbolicLink(folder.resolve("t"), outside);
      assertThatThrownBy(() -> store.writeBlock(0, 0, t.block(0, 0, 16)))
          .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.UNSAFE_PATH));
      assertThatThrownBy(() -> store.fileState(0))
          .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.UNSAFE_PATH));
      assertThat(isEmptyFolder(outside)).isTrue();
    }
  }

  @Test
  void allowsAFolderLinkThatStaysInside() throws IOException {
    TestTorrent t = TestTorrent.of(4, 16, 20);
    Path folder = Files.createDirectories(temp.resolve("dl"));
    Path real = Files.createDirectories(folder.resolve("real"));
    Files.createSymbolicLink(folder.resolve("t"), real);
    try (DiskPieceStore store = open(t, folder)) {
      t.writePiece(store, 0, 16);
      t.writePiece(store, 1, 16);
      assertThat(Files.readAllBytes(real.resolve("f0"))).isEqualTo(t.file(0));
    }
  }

  @Test
  void refusesAFileThatIsALink() throws IOException {
    TestTorrent t = TestTorrent.of(5, 16, 20);
    Path target = Files.write(temp.resolve("secret"), new byte[20]);
    Path folder = temp.resolve("dl");
    Files.createDirectories(folder.resolve("t"));
    Files.createSymbolicLink(folder.resolve("t/f0"), target);
    try (DiskPieceStore store = open(t, folder)) {
      assertThatThrownBy(() -> store.writeBlock(0, 0, t.block(0, 0, 16)))
          .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.UNSAFE_PATH))
          .hasMessageEndingWith("f0' as a file: it is a symbolic link");
      assertThatThrownBy(() -> store.readBlock(0, 0, ByteBuffer.allocate(4)))
          .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.UNSAFE_PATH));
      assertThatThrownBy(() -> store.fileState(0))
          .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.UNSAFE_PATH));
    }
    assertThat(Files.readAllBytes(target)).isEqualTo(new byte[20]);
  }

  @Test
  void aFolderWhereAFileBelongsIsAClearError() throws IOException {
    TestTorrent t = TestTorrent.of(6, 16, 20);
    Path folder = temp.resolve("dl");
    Files.createDirectories(folder.resolve("t/f0"));
    try (DiskPieceStore store = open(t, folder)) {
      assertThatThrownBy(() -> store.writeBlock(0, 0, t.block(0, 0, 16)))
          .isInstanceOf(StorageException.class)
          .hasMessage("cannot use '" + store.path(0) + "' as a file: it is a folder")
          .satisfies(e -> assertThat(((StorageException) e).path()).isEqualTo(store.path(0)))
          .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.NOT_A_FILE));
      assertThatThrownBy(() -> store.verifyPiece(0))
          .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.NOT_A_FILE));
    }
  }

  @Test
  void aFileWhereAFolderBelongsIsAClearError() throws IOException {
    TestTorrent t = TestTorrent.of(7, 16, 20);
    Path folder = Files.createDirectories(temp.resolve("dl"));
    Files.write(folder.resolve("t"), new byte[1]);
    assertThatThrownBy(() -> open(t, folder))
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.NOT_A_FOLDER))
        .hasMessageContaining("as a folder: something else is there");
    Path file = Files.write(temp.resolve("plain"), new byte[1]);
    assertThatThrownBy(() -> open(t, file))
        .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.NOT_A_FOLDER));
  }

  @Test
  void aFullDiskIsAClearError() {
    TestTorrent t = TestTorrent.of(8, 16, 20);
    Path folder = temp.resolve("dl");
    // Every file opened for writing is /dev/full, which answers writes with ENOSPC.
    DiskPieceStore.ChannelFactory full =
        (path, options) ->
            options.contains(StandardOpenOption.WRITE)
                ? FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE)
                : FileChannel.open(path, options);
    assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
    try (DiskPieceStore store =
        new DiskPieceStore(t.layout(), t.hashes(), folder, StorageOptions.defaults(), full)) {
      assertThatThrownBy(() -> store.writeBlock(0, 0, t.block(0, 0, 16)))
          .isInstanceOf(StorageException.class)
          .hasMessage("cannot write '" + store.path(0) + "': no space left on device")
          .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.NO_SPACE))
          .hasCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void aReadOnlyFolderIsAClearError() throws Exception {
    TestTorrent t = TestTorrent.of(9, 16, 20);
    Path folder = temp.resolve("dl");
    Path locked = Files.createDirectories(folder.resolve("t"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    boolean immutable = false;
    try {
      if (Files.isWritable(locked)) { // root ignores permissions; an immutable folder stops it
        immutable = run("chattr", "+i", locked.toString());
        assumeTrue(immutable, "cannot make a folder read-only here");
      }
      try (DiskPieceStore store = open(t, folder)) {
        assertThatThrownBy(() -> store.writeBlock(0, 0, t.block(0, 0, 16)))
            .isInstanceOf(StorageException.class)
            .hasMessageStartingWith("cannot write '" + store.path(0) + "': access denied")
            .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.ACCESS_DENIED))
            .satisfies(e -> assertThat(((StorageException) e).path()).isEqualTo(store.path(0)));
        // Still usable: reading what is not there is the ordinary answer.
        assertThat(store.verifyPiece(0)).isFalse();
      }
    } finally {
      if (immutable) {
        run("chattr", "-i", locked.toString());
      }
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static boolean isEmptyFolder(Path folder) throws IOException {
    try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  private static boolean run(String... command) throws Exception {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void keepsFewFilesOpen() {
    long[] lengths = new long[40];
    java.util.Arrays.fill(lengths, 7);
    TestTorrent t = TestTorrent.of(10, 16, lengths);
    try (DiskPieceStore store =
        DiskPieceStore.open(
            t.layout(),
            t.hashes(),
            temp.resolve("dl"),
            StorageOptions.defaults().withMaxOpenFiles(3))) {
      for (int p = 0; p < t.layout().pieceCount(); p++) {
        t.writePiece(store, p, 5);
        assertThat(store.openFiles()).isLessThanOrEqualTo(3);
      }
      store.sync();
      for (int p = 0; p < t.layout().pieceCount(); p++) {
        assertThat(store.verifyPiece(p)).isTrue();
      }
      assertThat(store.openFiles()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void classifiesSystemErrors() {
    Path p = Path.of("/x");
    assertThat(StorageException.of("write", p, new IOException("No space left on device")).reason())
        .isEqualTo(Reason.NO_SPACE);
    assertThat(StorageException.of("write", p, new IOException("Disk quota exceeded")).reason())
        .isEqualTo(Reason.NO_SPACE);
    assertThat(
            StorageException.of(
                    "write",
                    p,
                    new java.nio.file.FileSystemException("/x", null, "Read-only file system"))
                .reason())
        .isEqualTo(Reason.ACCESS_DENIED);
    assertThat(
            StorageException.of("open", p, new java.nio.file.AccessDeniedException("/x")).reason())
        .isEqualTo(Reason.ACCESS_DENIED);
    assertThat(StorageException.of("read", p, new IOException("Input/output error")))
        .hasMessage("cannot read '/x': Input/output error")
        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.IO_ERROR));
  }
}
