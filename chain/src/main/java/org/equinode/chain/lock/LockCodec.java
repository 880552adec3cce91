package org.equinode.chain.lock;

import java.util.ArrayList;
import java.util.List;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.equinode.common.MalformedException;
import org.equinode.crypto.CryptoException;
import org.equinode.crypto.Ed25519PublicKey;

/**
 * The canonical encoding of a {@link Lock}: one tag byte per node, CompactSize counts, integers
 * little-endian (layout in {@code chain/README.md}). The decoder checks depth, node and key limits
 * before it allocates, and turns every broken rule into a {@link MalformedException}.
 */
public final class LockCodec {
  private LockCodec() {}

  /** The encoding, at most {@link Lock#MAX_ENCODED_SIZE} bytes. */
  public static byte[] encode(Lock lock) {
    ByteWriter writer = ByteWriter.withMaxSize(Lock.MAX_ENCODED_SIZE);
    write(lock, writer);
    return writer.toByteArray();
  }

  public static void write(Lock lock, ByteWriter writer) {
    writer.writeU8(lock.kind().tag());
    switch (lock) {
      case Lock.Sig sig -> writer.writeBytes(sig.key().toByteArray());
      case Lock.Multi multi -> {
        writer.writeCompactSize(multi.k()).writeCompactSize(multi.keys().size());
        for (Ed25519PublicKey key : multi.keys()) {
          writer.writeBytes(key.toByteArray());
        }
      }
      case Lock.HashLock hash -> hash.digest().write(writer);
      case Lock.After after -> writer.writeInt32LE(after.height());
      case Lock.Older older -> writer.writeInt32LE(older.blocks());
      case Lock.And and -> writeChildren(and.children(), writer);
      case Lock.Or or -> writeChildren(or.children(), writer);
      case Lock.Thresh thresh -> {
        writer.writeCompactSize(thresh.k());
        writeChildren(thresh.children(), writer);
      }
    }
  }

  private static void writeChildren(List<Lock> children, ByteWriter writer) {
    writer.writeCompactSize(children.size());
    for (Lock child : children) {
      write(child, writer);
    }
  }

  /** Decodes exactly one lock from all of {@code bytes}; trailing bytes are rejected. */
  public static Lock decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    Lock lock = read(reader);
    reader.expectEnd("lock");
    return lock;
  }

  /** Reads one lock from {@code reader}, leaving the reader just after it. */
  public static Lock read(ByteReader reader) {
    return new Decoder(reader).node(1);
  }

  private static final class Decoder {
    private final ByteReader reader;
    private int nodes;
    private int keys;

    Decoder(ByteReader reader) {
      this.reader = reader;
    }

    Lock node(int depth) {
      if (depth > Lock.MAX_DEPTH) {
        throw new MalformedException("lock deeper than MAX_DEPTH " + Lock.MAX_DEPTH);
      }
      if (++nodes > Lock.MAX_NODES) {
        throw new MalformedException("lock has more than MAX_NODES " + Lock.MAX_NODES + " nodes");
      }
      int tag = reader.readU8();
      NodeKind kind =
          NodeKind.ofTag(tag)
              .orElseThrow(() -> new MalformedException("unknown lock node tag 0x" + hex(tag)));
      try {
        return switch (kind) {
          case SIG -> new Lock.Sig(keys(1).get(0));
          case MULTI -> {
            int k = reader.readCount(Lock.MAX_MULTI_KEYS, "MULTI threshold");
            int n = reader.readCount(Lock.MAX_MULTI_KEYS, "MULTI key");
            yield new Lock.Multi(k, keys(n));
          }
          case HASH -> new Lock.HashLock(Hash32.read(reader));
          case AFTER -> new Lock.After(height("AFTER height"));
          case OLDER -> new Lock.Older(height("OLDER block count"));
          case AND -> new Lock.And(children(depth, "AND"));
          case OR -> new Lock.Or(children(depth, "OR"));
          case THRESH -> {
            int k = reader.readCount(Lock.MAX_CHILDREN, "THRESH threshold");
            yield new Lock.Thresh(k, children(depth, "THRESH"));
          }
        };
      } catch (LockException e) {
        throw new MalformedException(String.valueOf(e.getMessage()));
      }
    }

    private List<Ed25519PublicKey> keys(int count) {
      if (count > Lock.MAX_KEYS - keys) {
        throw new MalformedException("lock has more than MAX_KEYS " + Lock.MAX_KEYS + " keys");
      }
      keys += count;
      List<Ed25519PublicKey> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        try {
          out.add(Ed25519PublicKey.parse(reader.readBytes(Ed25519PublicKey.LENGTH)));
        } catch (CryptoException e) {
          throw new MalformedException(String.valueOf(e.getMessage()));
        }
      }
      return out;
    }

    private int height(String what) {
      long value = reader.readU32LE();
      if (value > Lock.MAX_HEIGHT) {
        throw new MalformedException(what + " " + value + " is above " + Lock.MAX_HEIGHT);
      }
      return (int) value;
    }

    private List<Lock> children(int depth, String what) {
      int count = reader.readCount(Lock.MAX_CHILDREN, what + " child");
      List<Lock> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(node(depth + 1));
      }
      return out;
    }
  }

  private static String hex(int tag) {
    return String.format("%02x", tag);
  }
}
