package org.equinode.node.torrent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.equinode.api.torrent.AddRequest;
import org.equinode.api.torrent.EngineView;
import org.equinode.api.torrent.TorrentAlreadyAddedException;
import org.equinode.api.torrent.TorrentEntry;
import org.equinode.api.torrent.TorrentHandle;
import org.equinode.api.torrent.TorrentRefusedException;
import org.equinode.api.torrent.TorrentRemoved;
import org.equinode.common.TimeSource;
import org.equinode.torrent.TorrentException;
import org.equinode.torrent.dht.Dht;
import org.equinode.torrent.metainfo.FilePath;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.session.FileSelection;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.SessionEnvironment;
import org.equinode.torrent.session.SessionException;
import org.equinode.torrent.session.SessionSettings;
import org.equinode.torrent.session.StateFolder;
import org.equinode.torrent.session.StorageOpener;
import org.equinode.torrent.session.TorrentEngine;
import org.equinode.torrent.session.TorrentOptions;
import org.equinode.torrent.session.TorrentSession;
import org.equinode.torrent.session.TorrentSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's torrents: one {@link TorrentEngine} (one port, one peer id) and what the node
 * remembers of each torrent under {@code <datadir>/torrents/}, so that a restart brings every
 * torrent back, paused or not, with its verified pieces (from the resume data). Owns the engine and
 * the disk pool; {@link #close()} closes every torrent (recording what is complete), then the pool.
 * Changes are serialized; reads are not blocked by them. Neither start nor {@link #add} waits for a
 * torrent's files to be checked (hashed against the resume data): that runs in the background on
 * the disk pool while the torrent is {@code CHECKING}, so the JSON-RPC thread is never held by it.
 */
public final class TorrentHost implements TorrentHandle, AutoCloseable {
  /** The folder of the torrents' state inside the data directory. */
  public static final String STATE_FOLDER = "torrents";

  /** The default save folder inside the data directory. */
  public static final String DOWNLOAD_FOLDER = "downloads";

  private static final Logger log = LoggerFactory.getLogger(TorrentHost.class);

  private static final long CLOSE_WAIT_NANOS = TorrentSession.CLOSE_WAIT.toNanos();

  private record Hosted(TorrentSession session, TorrentRecord record) {}

  private final Path dataRoot;
  private final TimeSource time;
  private final ExecutorService pool;
  private final TorrentEngine engine;
  private final EngineState engineState;
  private final Map<InfoHash, Hosted> torrents = new ConcurrentHashMap<>();
  private final Object changes = new Object();
  private long lastAdded;

  private TorrentHost(Path dataRoot, TimeSource time, ExecutorService pool, TorrentEngine engine) {
    this.dataRoot = dataRoot;
    this.time = time;
    this.pool = pool;
    this.engine = engine;
    this.engineState = new EngineState(dataRoot.resolve(STATE_FOLDER));
  }

  /**
   * Starts the engine with {@code settings} (its listener, if they name one: without, the torrents
   * only call out; its client name) and adds back every torrent remembered in {@code dataRoot}.
   * Returns without waiting for their files to be checked: each is {@code CHECKING} meanwhile, on
   * the disk pool, and one whose files cannot be used shows {@code ERROR} with the reason (it is
   * kept for the next start).
   *
   * @throws org.equinode.torrent.session.SessionException if the port cannot be bound
   */
  public static TorrentHost start(
      Path dataRoot, SessionSettings settings, TimeSource time, SecureRandom random) {
    return start(
        dataRoot,
        settings,
        time,
        random,
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("torrent-disk-", 0).daemon(true).factory()));
  }

  /** As the public {@code start}, on a disk pool of the caller's (shut down by {@link #close}). */
  static TorrentHost start(
      Path dataRoot,
      SessionSettings settings,
      TimeSource time,
      SecureRandom random,
      ExecutorService pool) {
    TorrentEngine engine;
    DhtState dhtState = new DhtState(dataRoot.resolve(STATE_FOLDER));
    try {
      engine =
          TorrentEngine.start(
              settings.withDht(settings.dht().map(dhtState::withSavedNodes)),
              new SessionEnvironment(time, random, random, pool));
    } catch (RuntimeException e) {
      pool.shutdownNow();
      throw e;
    }
    TorrentHost host = new TorrentHost(dataRoot, time, pool, engine);
    try {
      host.engineState.load(engine.maxConnections()).ifPresent(host::applyEngine);
      host.restore();
    } catch (RuntimeException e) {
      host.close();
      throw e;
    }
    return host;
  }

  private void applyEngine(EngineState.Saved saved) {
    engine.setRateLimits(saved.limits());
    engine.setMaxConnections(saved.maxConnections());
  }

  private void restore() {
    Path root = dataRoot.resolve(STATE_FOLDER);
    if (!Files.isDirectory(root)) {
      return;
    }
    List<TorrentRecord> records = new ArrayList<>();
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path folder : folders) {
        TorrentRecord.load(folder).ifPresent(records::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    records.sort(Comparator.comparingLong(TorrentRecord::added));
    for (TorrentRecord record : records) {
      lastAdded = Math.max(lastAdded, record.added());
      StateFolder state = StateFolder.under(dataRoot, record.infoHash());
      try {
        open(record.source(state), record, state);
      } catch (RuntimeException e) {
        log.warn("torrent {} not resumed: {}", record.infohash(), e.getMessage());
      }
    }
  }

  @Override
  public TorrentEntry add(TorrentSource source, AddRequest request) {
    Path folder =
        request.saveDir().orElse(dataRoot.resolve(DOWNLOAD_FOLDER)).toAbsolutePath().normalize();
    checkFolder(folder);
    synchronized (changes) {
      if (torrents.containsKey(source.infoHash())) {
        throw new TorrentAlreadyAddedException(source.infoHash());
      }
      StateFolder state = StateFolder.under(dataRoot, source.infoHash());
      TorrentSource known = source;
      if (known.info().isEmpty()) {
        known = state.loadMetadata().map(known::withInfo).orElse(known);
      }
      Optional<InfoDict> info = known.info();
      if (info.isPresent()) {
        checkSelection(request.files(), info.get());
        checkOverlap(source.infoHash(), info.get(), folder);
      }
      List<String> peers = new ArrayList<>();
      source.peers().forEach(p -> peers.add(p.toString()));
      request.peers().forEach(p -> peers.add(PeerAddresses.format(p)));
      TorrentRecord record =
          new TorrentRecord(
              source.infoHash().hex(),
              ++lastAdded,
              folder.toString(),
              request.paused(),
              List.copyOf(request.files().indexes()),
              request.sequential(),
              TorrentRecord.boxed(request.limits().download()),
              TorrentRecord.boxed(request.limits().upload()),
              source.trackerTiers(),
              peers.stream().distinct().toList(),
              source.displayName());
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new TorrentException("cannot create the save folder " + folder + ": " + e, e);
      }
      known.info().ifPresent(state::saveMetadata);
      record.save(state);
      try {
        return entry(open(known, record, state));
      } catch (RuntimeException e) {
        deleteState(state);
        throw e;
      }
    }
  }

  /**
   * A save folder may not hold the data directory, nor lie inside it (where a torrent's file names
   * could overwrite the chain or the wallets), except in the download folder.
   */
  private void checkFolder(Path folder) {
    Path data = real(dataRoot.toAbsolutePath().normalize());
    Path downloads = data.resolve(DOWNLOAD_FOLDER);
    Path real = real(folder);
    if (data.startsWith(real)) {
      throw new TorrentRefusedException(
          "the save folder " + folder + " holds the node's data directory; choose another");
    }
    if (real.startsWith(data) && !real.startsWith(downloads)) {
      throw new TorrentRefusedException(
          "the save folder "
              + folder
              + " is inside the node's data directory; only "
              + downloads
              + " may be used there");
    }
  }

  /**
   * {@code path} with its symbolic links resolved: the real path of its nearest existing folder,
   * followed by the names below that do not exist yet.
   */
  private static Path real(Path path) {
    Path existing = path;
    while (!Files.exists(existing) && existing.getParent() != null) {
      existing = existing.getParent();
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    } catch (IOException e) {
      throw new TorrentException("cannot resolve the folder " + path + ": " + e, e);
    }
  }

  /** Refuses a selection naming a file {@code info} does not have: the caller's mistake. */
  private static void checkSelection(FileSelection files, InfoDict info) {
    try {
      var unused = files.priorities(info.files().size());
    } catch (SessionException e) {
      throw new TorrentRefusedException(String.valueOf(e.getMessage()));
    }
  }

  /**
   * Refuses {@code info} in {@code folder} if another torrent there has a file of the same path (or
   * a file where this one needs a folder): both would write it, and removing one with its data
   * would delete the other's.
   */
  private void checkOverlap(InfoHash infoHash, InfoDict info, Path folder) {
    for (Map.Entry<InfoHash, Hosted> other : torrents.entrySet()) {
      if (other.getKey().equals(infoHash) || !other.getValue().record().folder().equals(folder)) {
        continue;
      }
      Optional<InfoDict> theirs = other.getValue().session().metadata();
      if (theirs.isEmpty()) {
        continue;
      }
      Optional<FilePath> shared = TorrentFiles.overlap(info, theirs.get());
      if (shared.isPresent()) {
        throw new TorrentRefusedException(
            "the file "
                + shared.get().resolveUnder(folder)
                + " belongs to torrent "
                + other.getKey().hex()
                + " in the same folder; choose another folder");
      }
    }
  }

  private Hosted open(TorrentSource source, TorrentRecord record, StateFolder state) {
    Path folder = record.folder();
    StorageOpener onDisk =
        StorageOpener.onDisk(
            folder, state, record.selection(), SessionSettings.DEFAULTS.storage(), pool, time);
    // A magnet's files are known only now: checked again before anything is written.
    StorageOpener opener =
        info -> {
          checkOverlap(source.infoHash(), info, folder);
          return onDisk.open(info);
        };
    TorrentSession session =
        engine.add(
            source,
            opener,
            new TorrentOptions(record.paused(), record.sequential(), record.limits())
                .inBackground());
    for (String peer : record.peers()) {
      PeerAddresses.resolved(peer).ifPresent(session::addPeer);
    }
    Hosted hosted = new Hosted(session, record);
    torrents.put(source.infoHash(), hosted);
    return hosted;
  }

  @Override
  public List<TorrentEntry> torrents() {
    return torrents.values().stream()
        .sorted(Comparator.comparingLong(h -> h.record().added()))
        .map(TorrentHost::entry)
        .toList();
  }

  @Override
  public Optional<TorrentEntry> find(InfoHash infoHash) {
    return Optional.ofNullable(torrents.get(infoHash)).map(TorrentHost::entry);
  }

  @Override
  public Optional<TorrentEntry> pause(InfoHash infoHash) {
    return changePaused(infoHash, true);
  }

  @Override
  public Optional<TorrentEntry> resume(InfoHash infoHash) {
    return changePaused(infoHash, false);
  }

  private Optional<TorrentEntry> changePaused(InfoHash infoHash, boolean pause) {
    synchronized (changes) {
      Hosted hosted = torrents.get(infoHash);
      if (hosted == null) {
        return Optional.empty();
      }
      TorrentRecord record = hosted.record().withPaused(pause);
      record.save(StateFolder.under(dataRoot, infoHash));
      Hosted changed = new Hosted(hosted.session(), record);
      torrents.put(infoHash, changed);
      if (pause) {
        hosted.session().pause();
      } else {
        hosted.session().resume();
      }
      return Optional.of(entry(changed));
    }
  }

  @Override
  public Optional<TorrentEntry> setLimits(InfoHash infoHash, UnaryOperator<RateLimits> change) {
    synchronized (changes) {
      Hosted hosted = torrents.get(infoHash);
      if (hosted == null) {
        return Optional.empty();
      }
      RateLimits limits = change.apply(hosted.record().limits());
      TorrentRecord record = hosted.record().withLimits(limits);
      record.save(StateFolder.under(dataRoot, infoHash));
      Hosted changed = new Hosted(hosted.session(), record);
      torrents.put(infoHash, changed);
      hosted.session().setRateLimits(limits);
      return Optional.of(entry(changed));
    }
  }

  /**
   * Closes the torrent, deletes its record (the state folder: it does not come back at the next
   * start), then, if asked, its files as far as they go: those that would not are listed.
   */
  @Override
  public Optional<TorrentRemoved> remove(InfoHash infoHash, boolean deleteData) {
    synchronized (changes) {
      Hosted hosted = torrents.remove(infoHash);
      if (hosted == null) {
        return Optional.empty();
      }
      TorrentEntry last = entry(hosted);
      try {
        hosted.session().close();
      } catch (RuntimeException e) {
        // Its last resume data not saved: the record goes anyway.
        log.warn("torrent {} closed with an error: {}", infoHash.hex(), e.getMessage());
      }
      StateFolder state = StateFolder.under(dataRoot, infoHash);
      Optional<InfoDict> info =
          deleteData ? hosted.session().metadata().or(state::loadMetadata) : Optional.empty();
      deleteState(state);
      List<Path> kept =
          info.map(
                  i ->
                      TorrentFiles.delete(i, hosted.record().selection(), hosted.record().folder()))
              .orElse(List.of());
      if (!kept.isEmpty()) {
        log.warn("torrent {} removed; not deleted: {}", infoHash.hex(), kept);
      }
      return Optional.of(new TorrentRemoved(last, kept));
    }
  }

  private static void deleteState(StateFolder state) {
    TorrentFiles.deleteStateFolder(state.path());
  }

  @Override
  public EngineView engine() {
    RateLimits limits = engine.rateLimits();
    return new EngineView(
        listenAddress().map(PeerAddresses::format),
        engine.maxConnections(),
        engine.openConnections(),
        TorrentRecord.boxed(limits.download()),
        TorrentRecord.boxed(limits.upload()),
        torrents.size());
  }

  @Override
  public EngineView setEngineLimits(
      UnaryOperator<RateLimits> change, Optional<Integer> maxConnections) {
    synchronized (changes) {
      engine.setRateLimits(change.apply(engine.rateLimits()));
      maxConnections.ifPresent(engine::setMaxConnections);
      engineState.save(new EngineState.Saved(engine.rateLimits(), engine.maxConnections()));
      return engine();
    }
  }

  @Override
  public Optional<InetSocketAddress> listenAddress() {
    return engine.listenAddress();
  }

  private void saveDhtNodes(Dht dht) {
    try {
      new DhtState(dataRoot.resolve(STATE_FOLDER)).save(dht);
    } catch (RuntimeException e) {
      log.warn("DHT nodes not saved: {}", e.getMessage()); // the next start is only colder
    }
  }

  private static TorrentEntry entry(Hosted hosted) {
    TorrentSession session = hosted.session();
    TorrentRecord record = hosted.record();
    return new TorrentEntry(
        record.folder(),
        record.selection(),
        session.isSequential(),
        session.rateLimits(),
        session.status(),
        session.progress());
  }

  /** Where the engine's DHT node listens (UDP), if it runs one. */
  public Optional<InetSocketAddress> dhtAddress() {
    return engine.dht().map(Dht::localAddress);
  }

  /** Nodes in the routing table of the engine's DHT node; 0 without one. */
  int dhtTableSize() {
    return engine.dht().map(Dht::tableSize).orElse(0);
  }

  /**
   * Saves the DHT's nodes for the next start, then closes every torrent (each records what is
   * complete), the port, the DHT, then the disk pool. Hashing a check already queued is let finish
   * (bounded by {@link TorrentSession#CLOSE_WAIT}): a torrent still being checked then closes its
   * files instead of waiting forever for work a stopped pool dropped.
   */
  @Override
  public void close() {
    try {
      engine.dht().ifPresent(this::saveDhtNodes);
      engine.close();
    } finally {
      pool.shutdown();
      try {
        var unused = pool.awaitTermination(CLOSE_WAIT_NANOS, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
