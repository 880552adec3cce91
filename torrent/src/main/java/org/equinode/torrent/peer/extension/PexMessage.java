package org.equinode.torrent.peer.extension;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.Bencode;

/**
 * A peer exchange message ({@code ut_pex}, BEP 11): peers the sender connected to since its last
 * message and their flags (keys "added" and "added.f", "added6" and "added6.f" for IPv6) and peers
 * it dropped ("dropped", "dropped6"), in the compact format of BEP 23.
 *
 * <p>Limits: we send at most {@link #MAX_SENT} added and {@link #MAX_SENT} dropped peers ({@link
 * #capped}), the convention of µTorrent and Vuze. We accept up to {@link #MAX_RECEIVED_PER_LIST}
 * per list, as libtorrent sends up to 100 added peers; more is refused. Entries with port 0 are
 * skipped; a flags string whose length does not match its list is refused; a key of the wrong type
 * is ignored.
 */
public record PexMessage(List<PexPeer> added, List<InetSocketAddress> dropped)
    implements ExtensionMessage {
  /** The most added and the most dropped peers we put in one message. */
  public static final int MAX_SENT = 50;

  /** The most entries accepted in each of the four lists of a received message. */
  public static final int MAX_RECEIVED_PER_LIST = 200;

  public PexMessage {
    added = List.copyOf(added);
    dropped = List.copyOf(dropped);
    dropped.forEach(CompactPeers::check);
  }

  /** A message with the first {@link #MAX_SENT} of each list, for sending. */
  public static PexMessage capped(List<PexPeer> added, List<InetSocketAddress> dropped) {
    return new PexMessage(
        added.subList(0, Math.min(added.size(), MAX_SENT)),
        dropped.subList(0, Math.min(dropped.size(), MAX_SENT)));
  }

  @Override
  public byte[] encode() {
    ByteArrayOutputStream added4 = new ByteArrayOutputStream();
    ByteArrayOutputStream flags4 = new ByteArrayOutputStream();
    ByteArrayOutputStream added6 = new ByteArrayOutputStream();
    ByteArrayOutputStream flags6 = new ByteArrayOutputStream();
    for (PexPeer peer : added) {
      boolean v4 = CompactPeers.isIpv4(peer.address());
      CompactPeers.write(peer.address(), v4 ? added4 : added6);
      (v4 ? flags4 : flags6).write(peer.flags().bits());
    }
    ByteArrayOutputStream dropped4 = new ByteArrayOutputStream();
    ByteArrayOutputStream dropped6 = new ByteArrayOutputStream();
    for (InetSocketAddress peer : dropped) {
      CompactPeers.write(peer, CompactPeers.isIpv4(peer) ? dropped4 : dropped6);
    }
    BDict.Builder out =
        BDict.builder()
            .put("added", added4.toByteArray())
            .put("added.f", flags4.toByteArray())
            .put("dropped", dropped4.toByteArray());
    if (added6.size() > 0) {
      out.put("added6", added6.toByteArray()).put("added6.f", flags6.toByteArray());
    }
    if (dropped6.size() > 0) {
      out.put("dropped6", dropped6.toByteArray());
    }
    return Bencode.encode(out.build());
  }

  /**
   * Reads a {@code ut_pex} payload.
   *
   * @throws org.equinode.torrent.peer.PeerWireException if it is not a dictionary, a list is not a
   *     whole number of entries or holds more than {@link #MAX_RECEIVED_PER_LIST}, or a flags
   *     string does not match its list
   */
  public static PexMessage decode(byte[] payload) {
    BDict dict = ExtensionWire.dict(payload, "ut_pex message");
    List<PexPeer> added = new ArrayList<>();
    addPeers(dict, "added", CompactPeers.IPV4_LENGTH, added);
    addPeers(dict, "added6", CompactPeers.IPV6_LENGTH, added);
    List<InetSocketAddress> dropped = new ArrayList<>();
    dropped.addAll(list(dict, "dropped", CompactPeers.IPV4_LENGTH));
    dropped.addAll(list(dict, "dropped6", CompactPeers.IPV6_LENGTH));
    dropped.removeIf(peer -> peer.getPort() == 0);
    return new PexMessage(added, dropped);
  }

  private static void addPeers(BDict dict, String key, int entryLength, List<PexPeer> out) {
    List<InetSocketAddress> peers = list(dict, key, entryLength);
    Optional<BBytes> flags = ExtensionWire.bytes(dict, key + ".f");
    if (flags.isPresent() && flags.get().length() != peers.size()) {
      throw ExtensionWire.malformed(
          key + ".f has " + flags.get().length() + " flags for " + peers.size() + " peers");
    }
    byte[] flagBytes = flags.map(BBytes::bytes).orElse(new byte[peers.size()]);
    for (int i = 0; i < peers.size(); i++) {
      if (peers.get(i).getPort() != 0) {
        out.add(new PexPeer(peers.get(i), new PexFlags(flagBytes[i] & 0xff)));
      }
    }
  }

  private static List<InetSocketAddress> list(BDict dict, String key, int entryLength) {
    Optional<BBytes> bytes = ExtensionWire.bytes(dict, key);
    if (bytes.isEmpty()) {
      return List.of();
    }
    if (bytes.get().length() > MAX_RECEIVED_PER_LIST * entryLength) {
      throw ExtensionWire.malformed(
          key
              + " holds "
              + bytes.get().length() / entryLength
              + " peers, more than "
              + MAX_RECEIVED_PER_LIST);
    }
    return CompactPeers.decode(bytes.get().bytes(), entryLength, key);
  }
}
