package org.equinode.torrent.dht;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.bencode.BList;
import org.equinode.torrent.bencode.BValue;

/**
 * A KRPC reply ({@code r}). On the wire a reply does not name its query, so one record covers all
 * four: {@code id} always; {@code nodes} for {@code find_node} and {@code get_peers}; {@code
 * values} (compact peers) and {@code token} for {@code get_peers}. The querier knows what it asked.
 */
public record Response(
    NodeId sender, List<NodeInfo> nodes, List<InetSocketAddress> values, Optional<Token> token)
    implements KrpcBody {
  /** The most peers one reply may list (they must fit a UDP packet: 100 x 8 bytes). */
  public static final int MAX_VALUES = 100;

  public Response {
    nodes = List.copyOf(nodes);
    values = List.copyOf(values);
    if (nodes.size() > NodeInfo.MAX_NODES) {
      throw new IllegalArgumentException("more than " + NodeInfo.MAX_NODES + " nodes in a reply");
    }
    if (values.size() > MAX_VALUES) {
      throw new IllegalArgumentException("more than " + MAX_VALUES + " peers in a reply");
    }
    for (InetSocketAddress peer : values) {
      if (!CompactAddress.fits(peer)) {
        throw new IllegalArgumentException("a peer value is IPv4, not " + peer);
      }
    }
  }

  /** The reply to {@code ping} or {@code announce_peer}: just our id. */
  public static Response ofId(NodeId sender) {
    return new Response(sender, List.of(), List.of(), Optional.empty());
  }

  /** The {@code r} dictionary; empty lists are left out. */
  BDict toDict() {
    BDict.Builder r = BDict.builder().put("id", sender.bytes());
    if (!nodes.isEmpty()) {
      r.put("nodes", NodeInfo.encode(nodes));
    }
    if (!values.isEmpty()) {
      List<BValue> peers = new ArrayList<>(values.size());
      for (InetSocketAddress peer : values) {
        peers.add(BBytes.of(CompactAddress.encode(peer)));
      }
      r.put("values", new BList(peers));
    }
    token.ifPresent(t -> r.put("token", t.value()));
    return r.build();
  }

  /**
   * Reads an {@code r} dictionary; other keys ({@code nodes6}, {@code ip}, ...) are ignored.
   *
   * @throws KrpcException for a missing {@code id}, a wrong type, a malformed node or peer, or more
   *     than {@link #MAX_VALUES} peers (checked before reading them)
   */
  static Response read(BDict r) {
    String where = "a reply";
    NodeId sender = Fields.id(r, "id", where);
    List<NodeInfo> nodes =
        Fields.optionalBytes(r, "nodes", where)
            .map(b -> NodeInfo.decode(b.bytes()))
            .orElse(List.of());
    List<InetSocketAddress> values = new ArrayList<>();
    Optional<BList> list = Fields.optionalList(r, "values", where);
    if (list.isPresent()) {
      if (list.get().size() > MAX_VALUES) {
        throw new KrpcException(
            "'values' holds " + list.get().size() + " peers, more than " + MAX_VALUES);
      }
      for (BValue value : list.get().values()) {
        if (!(value instanceof BBytes peer)) {
          throw new KrpcException("an entry of 'values' is not a string");
        }
        values.add(CompactAddress.decode(peer.bytes(), "a peer in 'values'"));
      }
    }
    Optional<Token> token = Fields.optionalBytes(r, "token", where).map(Token::new);
    return new Response(sender, nodes, values, token);
  }
}
