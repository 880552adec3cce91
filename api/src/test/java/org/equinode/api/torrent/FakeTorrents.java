package org.equinode.api.torrent;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.session.RateLimits;
import org.equinode.torrent.session.TorrentSource;
import org.equinode.torrent.session.TorrentStatus;

/** A {@link TorrentHandle} in memory: remembers what it was asked, moves no bytes. */
final class FakeTorrents implements TorrentHandle {
  final Map<InfoHash, TorrentEntry> entries = new LinkedHashMap<>();
  final List<AddRequest> requests = new ArrayList<>();
  final List<Boolean> deletions = new ArrayList<>();
  RateLimits engineLimits = RateLimits.NONE;
  int maxConnections = 200;

  static TorrentStatus status(InfoHash hash, String name, TorrentStatus.State state) {
    return new TorrentStatus(
        hash,
        name,
        state,
        1000,
        250,
        4,
        1,
        100,
        50,
        250,
        0,
        1,
        1,
        1,
        0,
        Optional.empty(),
        Optional.empty());
  }

  @Override
  public TorrentEntry add(TorrentSource source, AddRequest request) {
    requests.add(request);
    TorrentEntry entry =
        new TorrentEntry(
            request.saveDir().orElse(Path.of("/data/downloads")),
            request.files(),
            request.sequential(),
            request.limits(),
            status(
                source.infoHash(),
                source.name(),
                request.paused() ? TorrentStatus.State.PAUSED : TorrentStatus.State.DOWNLOADING),
            Optional.empty());
    entries.put(source.infoHash(), entry);
    return entry;
  }

  @Override
  public List<TorrentEntry> torrents() {
    return List.copyOf(entries.values());
  }

  @Override
  public Optional<TorrentEntry> find(InfoHash infoHash) {
    return Optional.ofNullable(entries.get(infoHash));
  }

  private Optional<TorrentEntry> state(InfoHash hash, TorrentStatus.State state) {
    TorrentEntry e = entries.get(hash);
    if (e == null) {
      return Optional.empty();
    }
    TorrentEntry changed =
        new TorrentEntry(
            e.saveDir(),
            e.files(),
            e.sequential(),
            e.limits(),
            status(hash, e.status().name(), state),
            e.progress());
    entries.put(hash, changed);
    return Optional.of(changed);
  }

  @Override
  public Optional<TorrentEntry> pause(InfoHash infoHash) {
    return state(infoHash, TorrentStatus.State.PAUSED);
  }

  @Override
  public Optional<TorrentEntry> resume(InfoHash infoHash) {
    return state(infoHash, TorrentStatus.State.DOWNLOADING);
  }

  @Override
  public Optional<TorrentRemoved> remove(InfoHash infoHash, boolean deleteData) {
    deletions.add(deleteData);
    return Optional.ofNullable(entries.remove(infoHash))
        .map(e -> new TorrentRemoved(e, deleteData ? List.of(e.saveDir()) : List.of()));
  }

  @Override
  public Optional<TorrentEntry> setLimits(InfoHash infoHash, UnaryOperator<RateLimits> change) {
    TorrentEntry e = entries.get(infoHash);
    if (e == null) {
      return Optional.empty();
    }
    TorrentEntry changed =
        new TorrentEntry(
            e.saveDir(),
            e.files(),
            e.sequential(),
            change.apply(e.limits()),
            e.status(),
            e.progress());
    entries.put(infoHash, changed);
    return Optional.of(changed);
  }

  @Override
  public EngineView engine() {
    return new EngineView(
        Optional.of("127.0.0.1:6881"),
        maxConnections,
        0,
        TorrentDetail.boxed(engineLimits.download()),
        TorrentDetail.boxed(engineLimits.upload()),
        entries.size());
  }

  @Override
  public EngineView setEngineLimits(
      UnaryOperator<RateLimits> change, Optional<Integer> connections) {
    engineLimits = change.apply(engineLimits);
    connections.ifPresent(c -> maxConnections = c);
    return engine();
  }

  @Override
  public Optional<InetSocketAddress> listenAddress() {
    return Optional.empty();
  }
}
