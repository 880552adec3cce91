package org.equinode.torrent.dht;

import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.bencode.BDict;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * A KRPC query: a method name ({@code q}) and its arguments ({@code a}), which always hold the
 * sender's {@code id}. Each record reads and writes its own arguments; unknown argument keys are
 * ignored (BEP 5 lets clients add their own).
 */
public sealed interface Query extends KrpcBody
    permits Query.Ping, Query.FindNode, Query.GetPeers, Query.AnnouncePeer, Query.Unknown {
  /** The longest method name accepted. */
  int MAX_METHOD_LENGTH = 32;

  /** The querying node's id. */
  NodeId sender();

  /** The {@code q} value. */
  String method();

  /** The {@code a} dictionary. */
  BDict arguments();

  /** {@code ping}: are you there? The reply holds the callee's id. */
  record Ping(NodeId sender) implements Query {
    static final String METHOD = "ping";

    @Override
    public String method() {
      return METHOD;
    }

    @Override
    public BDict arguments() {
      return BDict.builder().put("id", sender.bytes()).build();
    }
  }

  /** {@code find_node}: the 8 nodes you know closest to {@code target}. */
  record FindNode(NodeId sender, NodeId target) implements Query {
    static final String METHOD = "find_node";

    @Override
    public String method() {
      return METHOD;
    }

    @Override
    public BDict arguments() {
      return BDict.builder().put("id", sender.bytes()).put("target", target.bytes()).build();
    }
  }

  /** {@code get_peers}: peers of this torrent, or nodes closer to it, and a token. */
  record GetPeers(NodeId sender, InfoHash infoHash) implements Query {
    static final String METHOD = "get_peers";

    @Override
    public String method() {
      return METHOD;
    }

    @Override
    public BDict arguments() {
      return BDict.builder()
          .put("id", sender.bytes())
          .put("info_hash", infoHash.toByteArray())
          .build();
    }
  }

  /**
   * {@code announce_peer}: the sender downloads this torrent and takes peers on {@code port} (or on
   * the UDP source port when {@code impliedPort}); {@code token} is from our earlier reply.
   */
  record AnnouncePeer(NodeId sender, InfoHash infoHash, int port, boolean impliedPort, Token token)
      implements Query {
    static final String METHOD = "announce_peer";

    public AnnouncePeer {
      if (port < 0 || port > 0xffff) {
        throw new KrpcException("announce_peer port " + port + " is outside 0..65535");
      }
    }

    @Override
    public String method() {
      return METHOD;
    }

    @Override
    public BDict arguments() {
      BDict.Builder args =
          BDict.builder()
              .put("id", sender.bytes())
              .put("info_hash", infoHash.toByteArray())
              .put("port", port)
              .put("token", token.value());
      if (impliedPort) {
        args.put("implied_port", 1);
      }
      return args.build();
    }
  }

  /** A method we do not serve (BEP 44's {@code get}, BEP 51's {@code sample_infohashes}, ...). */
  record Unknown(NodeId sender, String method) implements Query {
    @Override
    public BDict arguments() {
      return BDict.builder().put("id", sender.bytes()).build();
    }
  }

  /**
   * Reads the query {@code method} with arguments {@code args}.
   *
   * @throws KrpcException if a required argument is missing or has the wrong type or size
   */
  static Query read(String method, BDict args) {
    String where = "the arguments of " + method;
    NodeId sender = Fields.id(args, "id", where);
    return switch (method) {
      case Ping.METHOD -> new Ping(sender);
      case FindNode.METHOD -> new FindNode(sender, Fields.id(args, "target", where));
      case GetPeers.METHOD -> new GetPeers(sender, infoHash(args, where));
      case AnnouncePeer.METHOD -> {
        long port =
            Fields.optionalInteger(args, "port", where)
                .orElseThrow(() -> new KrpcException("no 'port' in " + where));
        long implied = Fields.optionalInteger(args, "implied_port", where).orElse(0L);
        if (port < 0 || port > 0xffff) {
          throw new KrpcException("'port' " + port + " in " + where + " is outside 0..65535");
        }
        if (implied != 0 && implied != 1) {
          throw new KrpcException("'implied_port' " + implied + " in " + where + " is not 0 or 1");
        }
        yield new AnnouncePeer(
            sender,
            infoHash(args, where),
            (int) port,
            implied == 1,
            new Token(Fields.bytes(args, "token", where)));
      }
      default -> new Unknown(sender, method);
    };
  }

  private static InfoHash infoHash(BDict args, String where) {
    BBytes bytes = Fields.bytes(args, "info_hash", where);
    if (bytes.length() != NodeId.LENGTH) {
      throw new KrpcException(
          "'info_hash' in " + where + " is " + bytes.length() + " bytes, not 20");
    }
    return InfoHash.of(bytes.bytes());
  }
}
