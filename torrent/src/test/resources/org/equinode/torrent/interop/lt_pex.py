# A libtorrent leecher for Equinode's peer exchange interop test: 127.0.0.1 only; DHT, LSD, UPnP,
# NAT-PMP and uTP off, and no incoming connections, so that every peer it ends up connected to is
# one it called itself: the one it was given, and those it heard of by peer exchange (ut_pex is one
# of libtorrent's default extensions).
# Usage: lt_pex.py TORRENT DATA_DIR HOST:PORT
# Prints "started", then "peer HOST:PORT pex" or "peer HOST:PORT other" for each peer it is
# connected to, once each. Runs until killed or until its stdin closes.
import os
import sys
import threading
import time

import libtorrent as lt

torrent, data_dir, first = sys.argv[1], sys.argv[2], sys.argv[3]
host, port = first.rsplit(":", 1)
session = lt.session({
    "listen_interfaces": "127.0.0.1:0",
    "enable_incoming_tcp": False,
    "enable_dht": False,
    "enable_lsd": False,
    "enable_upnp": False,
    "enable_natpmp": False,
    "enable_outgoing_utp": False,
    "enable_incoming_utp": False,
    "allow_multiple_connections_per_ip": True,
    "alert_mask": 0,
})
params = lt.add_torrent_params()
params.ti = lt.torrent_info(torrent)
params.save_path = data_dir
params.flags &= ~lt.torrent_flags.auto_managed
params.flags &= ~lt.torrent_flags.paused
handle = session.add_torrent(params)
handle.replace_trackers([])


def stop_when_stdin_closes():
    sys.stdin.read()
    session.pause()
    os._exit(0)


threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
print("started", flush=True)
seen = set()
last_call = 0.0
while True:
    if handle.status().num_peers == 0 and time.time() - last_call > 1:
        handle.connect_peer((host, int(port)))
        last_call = time.time()
    for peer in handle.get_peer_info():
        source = "pex" if peer.source & lt.peer_info.pex else "other"
        line = "peer %s:%d %s" % (peer.ip[0], peer.ip[1], source)
        if line not in seen:
            seen.add(line)
            print(line, flush=True)
    time.sleep(0.1)
