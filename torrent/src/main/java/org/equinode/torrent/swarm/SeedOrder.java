package org.equinode.torrent.swarm;

/**
 * How the choker ranks peers that send us nothing, which is all of them when we seed (libtorrent's
 * {@code seed_choking_algorithm}).
 */
public enum SeedOrder {
  /**
   * Each peer gets a turn: an unchoked peer keeps its slot while we upload to it, until it has had
   * the slot for {@link ChokerConfig#seedTurn()}; then the peers that have waited longest come
   * first. Spreads the data over many peers, which helps the swarm more than feeding the fastest
   * few. The default, as in libtorrent.
   */
  ROUND_ROBIN,
  /** The peers we upload to fastest keep their slots; ties go to the one that waited longest. */
  FASTEST_UPLOAD
}
