package org.equinode.torrent.tracker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * Trackers in memory for scheduler tests: each URL answers from a script of outcomes (a response or
 * an exception), repeating the last one, and records every request it was sent.
 */
final class FakeTrackers implements TrackerConnector {
  /** One announce as a tracker received it. */
  record Call(TrackerUrl url, AnnounceRequest request) {}

  private final Map<TrackerUrl, Deque<Object>> scripts = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<TrackerUrl> closed = new ArrayList<>();

  /** From now on {@code url} answers with these outcomes in turn, then the last one forever. */
  synchronized FakeTrackers script(String url, Object... outcomes) {
    scripts.put(TrackerUrl.parse(url), new ArrayDeque<>(List.of(outcomes)));
    return this;
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<TrackerUrl> closed() {
    return List.copyOf(closed);
  }

  /** The calls made since the last time this was asked, as "url event" strings. */
  synchronized List<String> drain() {
    List<String> out = new ArrayList<>();
    for (Call call : calls) {
      out.add(call.url().host() + " " + call.request().event());
    }
    calls.clear();
    return out;
  }

  private synchronized AnnounceResponse answer(TrackerUrl url, AnnounceRequest request) {
    calls.add(new Call(url, request));
    Deque<Object> script = scripts.get(url);
    if (script == null || script.isEmpty()) {
      throw new TrackerUnreachableException(url + " has no script");
    }
    Object outcome = script.size() > 1 ? script.poll() : script.peek();
    if (outcome instanceof TrackerException e) {
      throw e;
    }
    return (AnnounceResponse) outcome;
  }

  @Override
  public TrackerClient open(TrackerUrl url) {
    return new TrackerClient() {
      @Override
      public TrackerUrl url() {
        return url;
      }

      @Override
      public AnnounceResponse announce(AnnounceRequest request) {
        return answer(url, request);
      }

      @Override
      public ScrapeResponse scrape(List<InfoHash> infoHashes) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void close() {
        synchronized (FakeTrackers.this) {
          closed.add(url);
        }
      }
    };
  }
}
