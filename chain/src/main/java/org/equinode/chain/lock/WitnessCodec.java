package org.equinode.chain.lock;

import java.util.ArrayList;
import java.util.List;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.Hash32;
import org.equinode.common.MalformedException;
import org.equinode.crypto.Ed25519Signature;

/**
 * The canonical encoding of a {@link Witness}: the lock node's tag byte per node, then that node's
 * data (layout in {@code chain/README.md}). The decoder checks the limits before allocating and
 * turns every broken rule into a {@link MalformedException}.
 */
public final class WitnessCodec {
  private WitnessCodec() {}

  /** The encoding, at most {@link Witness#MAX_ENCODED_SIZE} bytes. */
  public static byte[] encode(Witness witness) {
    ByteWriter writer = ByteWriter.withMaxSize(Witness.MAX_ENCODED_SIZE);
    write(witness, writer);
    return writer.toByteArray();
  }

  public static void write(Witness witness, ByteWriter writer) {
    writer.writeU8(witness.kind().tag());
    switch (witness) {
      case Witness.Sig sig -> writer.writeBytes(sig.signature().toByteArray());
      case Witness.Multi multi -> {
        writer.writeInt32LE(multi.selected());
        for (Ed25519Signature signature : multi.signatures()) {
          writer.writeBytes(signature.toByteArray());
        }
      }
      case Witness.Preimage preimage -> preimage.preimage().write(writer);
      case Witness.After after -> {}
      case Witness.Older older -> {}
      case Witness.And and -> {
        writer.writeCompactSize(and.children().size());
        and.children().forEach(child -> write(child, writer));
      }
      case Witness.Or or -> {
        writer.writeCompactSize(or.branch());
        write(or.child(), writer);
      }
      case Witness.Thresh thresh -> {
        writer.writeInt32LE(thresh.selected());
        thresh.children().forEach(child -> write(child, writer));
      }
    }
  }

  /** Decodes exactly one witness from all of {@code bytes}; trailing bytes are rejected. */
  public static Witness decode(byte[] bytes) {
    ByteReader reader = ByteReader.of(bytes);
    Witness witness = read(reader);
    reader.expectEnd("witness");
    return witness;
  }

  /** Reads one witness from {@code reader}, leaving the reader just after it. */
  public static Witness read(ByteReader reader) {
    return new Decoder(reader).node(1);
  }

  private static final class Decoder {
    private final ByteReader reader;
    private int nodes;
    private int signatures;

    Decoder(ByteReader reader) {
      this.reader = reader;
    }

    Witness node(int depth) {
      if (depth > Lock.MAX_DEPTH) {
        throw new MalformedException("witness deeper than MAX_DEPTH " + Lock.MAX_DEPTH);
      }
      if (++nodes > Lock.MAX_NODES) {
        throw new MalformedException(
            "witness has more than MAX_NODES " + Lock.MAX_NODES + " nodes");
      }
      int tag = reader.readU8();
      NodeKind kind =
          NodeKind.ofTag(tag)
              .orElseThrow(
                  () ->
                      new MalformedException(
                          "unknown witness node tag 0x" + String.format("%02x", tag)));
      try {
        return switch (kind) {
          case SIG -> new Witness.Sig(signatures(1).get(0));
          case MULTI -> {
            int selected = mask(Lock.MAX_MULTI_KEYS, "MULTI");
            yield new Witness.Multi(selected, signatures(Integer.bitCount(selected)));
          }
          case HASH -> new Witness.Preimage(Hash32.read(reader));
          case AFTER -> new Witness.After();
          case OLDER -> new Witness.Older();
          case AND -> {
            int count = reader.readCount(Lock.MAX_CHILDREN, "AND witness child");
            yield new Witness.And(children(depth, count));
          }
          case OR -> {
            int branch = reader.readCount(Lock.MAX_CHILDREN - 1, "OR witness branch");
            yield new Witness.Or(branch, node(depth + 1));
          }
          case THRESH -> {
            int selected = mask(Lock.MAX_CHILDREN, "THRESH");
            yield new Witness.Thresh(selected, children(depth, Integer.bitCount(selected)));
          }
        };
      } catch (LockException e) {
        throw new MalformedException(String.valueOf(e.getMessage()));
      }
    }

    private int mask(int width, String what) {
      int selected = reader.readInt32LE();
      if (selected == 0 || (selected >>> width) != 0) {
        throw new MalformedException(
            what + " witness mask 0x" + Integer.toHexString(selected) + " is empty or too wide");
      }
      return selected;
    }

    private List<Ed25519Signature> signatures(int count) {
      if (count > Lock.MAX_KEYS - signatures) {
        throw new MalformedException("witness has more signatures than MAX_KEYS " + Lock.MAX_KEYS);
      }
      signatures += count;
      List<Ed25519Signature> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(Ed25519Signature.of(reader.readBytes(Ed25519Signature.LENGTH)));
      }
      return out;
    }

    private List<Witness> children(int depth, int count) {
      List<Witness> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(node(depth + 1));
      }
      return out;
    }
  }
}
