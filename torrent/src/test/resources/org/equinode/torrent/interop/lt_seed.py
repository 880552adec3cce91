# A libtorrent peer for Equinode's interop tests: 127.0.0.1 only; DHT, LSD, UPnP, NAT-PMP and uTP off.
# Usage: lt_seed.py TORRENT DATA_DIR ENCRYPTION [leech] [HOST:PORT ...]
#   ENCRYPTION: forced | enabled | disabled
#   seed (the default): seeds the files in DATA_DIR; prints "listening PORT" once it seeds.
#   leech: downloads into DATA_DIR from the peers given (calling them again while it has none);
#          prints "listening PORT" at once, then "complete" once every piece is verified.
# Then it runs (seeding) until killed or until its stdin closes.
import os
import sys
import threading
import time

import libtorrent as lt

torrent, data_dir, encryption = sys.argv[1], sys.argv[2], sys.argv[3]
leech = len(sys.argv) > 4 and sys.argv[4] == "leech"
peers = []
for text in sys.argv[5 if leech else 4:]:
    host, port = text.rsplit(":", 1)
    peers.append((host, int(port)))
policy = {"forced": 0, "enabled": 1, "disabled": 2}[encryption]
session = lt.session({
    "listen_interfaces": "127.0.0.1:0",
    "enable_dht": False,
    "enable_lsd": False,
    "enable_upnp": False,
    "enable_natpmp": False,
    "enable_outgoing_utp": False,
    "enable_incoming_utp": False,
    "allow_multiple_connections_per_ip": True,
    "out_enc_policy": policy,
    "in_enc_policy": policy,
    "allowed_enc_level": 3,
    "alert_mask": 0,
})
params = lt.add_torrent_params()
params.ti = lt.torrent_info(torrent)
params.save_path = data_dir
if not leech:
    params.flags |= lt.torrent_flags.seed_mode
# Not auto-managed and not paused: otherwise it can report "seeding" while still paused, and
# libtorrent rejects incoming connections for it ("no active torrents").
params.flags &= ~lt.torrent_flags.auto_managed
params.flags &= ~lt.torrent_flags.paused
handle = session.add_torrent(params)
handle.replace_trackers([])


def stop_when_stdin_closes():
    sys.stdin.read()
    session.pause()
    os._exit(0)


threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
if leech:
    while session.listen_port() == 0:
        time.sleep(0.05)
    print("listening", session.listen_port(), flush=True)
    last_call = 0.0
    while not handle.status().is_seeding:
        if handle.status().num_peers == 0 and time.time() - last_call > 1:
            for peer in peers:
                handle.connect_peer(peer)
            last_call = time.time()
        time.sleep(0.05)
    print("complete", flush=True)
else:
    # Ready means listening and seeding: until then libtorrent drops connections for the torrent.
    while session.listen_port() == 0 or not handle.status().is_seeding or handle.status().paused:
        time.sleep(0.05)
    print("listening", session.listen_port(), flush=True)
    for peer in peers:
        handle.connect_peer(peer)
while True:
    time.sleep(0.2)
