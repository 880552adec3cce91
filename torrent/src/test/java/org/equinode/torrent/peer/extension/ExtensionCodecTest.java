package org.equinode.torrent.peer.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.equinode.torrent.peer.PeerMessage.Extended;
import org.junit.jupiter.api.Test;

class ExtensionCodecTest {
  @Test
  void readsWithOurIdsAndWritesWithThePeers() {
    ExtensionCodec codec = ExtensionCodec.initial();
    assertThat(codec.peerSupports(ExtensionName.UT_METADATA)).isFalse();
    // Before the peer's handshake, nothing but handshakes can leave.
    assertThat(codec.encode(new MetadataMessage.Request(0))).isEmpty();

    ExtendedHandshake theirs = ExtendedHandshake.decode(ExtendedHandshakeTest.LIBTORRENT);
    assertThat(codec.decode(new Extended(0, ExtendedHandshakeTest.LIBTORRENT))).contains(theirs);
    codec = codec.withRemote(theirs);
    assertThat(codec.peerSupports(ExtensionName.UT_METADATA)).isTrue();

    // Our ids differ from the peer's here, to see that each direction uses the right side's.
    ExtensionCodec crossed =
        new ExtensionCodec(
            new ExtensionIds(Map.of(ExtensionName.UT_METADATA, 7, ExtensionName.UT_PEX, 8)),
            codec.remote());
    assertThat(crossed.encode(new MetadataMessage.Request(1)))
        .contains(new Extended(2, new MetadataMessage.Request(1).encode()));
    assertThat(crossed.decode(new Extended(7, new MetadataMessage.Reject(1).encode())))
        .contains(new MetadataMessage.Reject(1));
    PexMessage pex = new PexMessage(List.of(), List.of());
    assertThat(crossed.decode(new Extended(8, pex.encode()))).contains(pex);
    // Ids we did not hand out are ignored (libtorrent's upload_only is 3, for example).
    assertThat(crossed.decode(new Extended(3, new byte[] {1}))).isEmpty();
    assertThat(crossed.decode(new Extended(2, new byte[] {1}))).isEmpty();
  }

  @Test
  void handshakesAlwaysGoOutUnderIdZero() {
    ExtendedHandshake ours =
        ExtendedHandshake.ours(
            ExtensionIds.LOCAL, "Equinode", 1, OptionalInt.empty(), Optional.empty());
    assertThat(ExtensionCodec.initial().encode(ours)).contains(new Extended(0, ours.encode()));
  }
}
