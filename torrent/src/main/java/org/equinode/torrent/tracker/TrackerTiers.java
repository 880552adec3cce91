package org.equinode.torrent.tracker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The order in which a torrent's trackers are tried (BEP 12): tier by tier; within a tier in an
 * order shuffled once when the tiers are made; a tracker that answered moves to the front of its
 * tier and stays there until another one of its tier answers in its place.
 *
 * <p>Not thread-safe: its {@link AnnounceScheduler} owns it.
 */
public final class TrackerTiers {
  private final List<List<TrackerUrl>> tiers;
  private final List<String> skipped;

  private TrackerTiers(List<List<TrackerUrl>> tiers, List<String> skipped) {
    this.tiers = tiers;
    this.skipped = List.copyOf(skipped);
  }

  /**
   * The tiers of {@code urls} (as {@code Metainfo.trackerTiers()} or a magnet link's trackers give
   * them), each shuffled with {@code random}. Text that is not a tracker URL is left out and listed
   * by {@link #skipped()}; a URL seen in an earlier place is left out silently; empty tiers are
   * dropped.
   */
  public static TrackerTiers parse(List<List<String>> urls, RandomGenerator random) {
    List<List<TrackerUrl>> tiers = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Set<TrackerUrl> seen = new LinkedHashSet<>();
    for (List<String> tier : urls) {
      List<TrackerUrl> kept = new ArrayList<>();
      for (String text : tier) {
        try {
          TrackerUrl url = TrackerUrl.parse(text);
          if (seen.add(url)) {
            kept.add(url);
          }
        } catch (InvalidTrackerUrlException e) {
          skipped.add(text);
        }
      }
      if (!kept.isEmpty()) {
        Collections.shuffle(kept, random);
        tiers.add(kept);
      }
    }
    return new TrackerTiers(tiers, skipped);
  }

  /** The tiers in their current order, as an immutable copy. */
  public List<List<TrackerUrl>> tiers() {
    return tiers.stream().map(List::copyOf).toList();
  }

  /** Every tracker, tier by tier, each tier in its current order. */
  public List<TrackerUrl> inOrder() {
    List<TrackerUrl> all = new ArrayList<>();
    tiers.forEach(all::addAll);
    return all;
  }

  /** The index of the tier holding {@code url}, or -1. */
  public int tierOf(TrackerUrl url) {
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).contains(url)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether there is no tracker at all. */
  public boolean isEmpty() {
    return tiers.isEmpty();
  }

  /** The texts {@link #parse} left out because they were not tracker URLs. */
  public List<String> skipped() {
    return skipped;
  }

  /** Moves {@code url} to the front of its tier (BEP 12: a tracker that answered goes first). */
  public void promote(TrackerUrl url) {
    for (List<TrackerUrl> tier : tiers) {
      if (tier.remove(url)) {
        tier.addFirst(url);
        return;
      }
    }
    throw new IllegalArgumentException(url + " is not one of these trackers");
  }
}
