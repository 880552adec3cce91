package org.equinode.api.torrent;

import java.util.Optional;

/**
 * The torrent engine as {@code torrent.setlimits} answers it.
 *
 * @param listen where peers may connect, {@code HOST:PORT}
 * @param maxConnections the cap on peer connections across every torrent
 * @param openConnections peer connections open now
 * @param maxDownloadRate the engine's download limit in bytes per second, absent if none
 * @param maxUploadRate the engine's upload limit, absent if none
 * @param torrents how many torrents the node has
 */
public record EngineView(
    Optional<String> listen,
    int maxConnections,
    int openConnections,
    Optional<Long> maxDownloadRate,
    Optional<Long> maxUploadRate,
    int torrents) {}
