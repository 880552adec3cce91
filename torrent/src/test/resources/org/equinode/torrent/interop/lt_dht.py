# A libtorrent peer that finds and announces peers only through the DHT, for Equinode's DHT interop
# test: 127.0.0.1 only; no trackers; LSD, UPnP, NAT-PMP and uTP off; the DHT's bootstrap list empty,
# its one node given on the command line.
# Usage: lt_dht.py TORRENT DATA_DIR DHT_HOST:PORT seed|leech
#   seed: seeds the files in DATA_DIR, prints "listening PORT" once it seeds, then announces to
#         the DHT every 2 s and prints "dht_nodes N" when the count of its routing table changes.
#   leech: downloads into DATA_DIR from peers it finds in the DHT; prints "listening PORT" at once
#          and "complete" once every piece is verified.
# Then it runs until killed or until its stdin closes.
import os
import sys
import threading
import time

import libtorrent as lt

torrent, data_dir, node, mode = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
host, port = node.rsplit(":", 1)
session = lt.session({
    "listen_interfaces": "127.0.0.1:0",
    "enable_dht": True,
    "dht_bootstrap_nodes": "",
    "dht_restrict_routing_ips": False,
    "dht_restrict_search_ips": False,
    "enable_lsd": False,
    "enable_upnp": False,
    "enable_natpmp": False,
    "enable_outgoing_utp": False,
    "enable_incoming_utp": False,
    "allow_multiple_connections_per_ip": True,
    "alert_mask": 0,
})
session.add_dht_node((host, int(port)))
params = lt.add_torrent_params()
params.ti = lt.torrent_info(torrent)
params.save_path = data_dir
if mode == "seed":
    params.flags |= lt.torrent_flags.seed_mode
params.flags &= ~lt.torrent_flags.auto_managed
params.flags &= ~lt.torrent_flags.paused
handle = session.add_torrent(params)
handle.replace_trackers([])


def stop_when_stdin_closes():
    sys.stdin.read()
    session.pause()
    os._exit(0)


threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
while session.listen_port() == 0:
    time.sleep(0.05)
if mode == "seed":
    while not handle.status().is_seeding or handle.status().paused:
        time.sleep(0.05)
print("listening", session.listen_port(), flush=True)
last_announce = 0.0
nodes = -1
completed = False
while True:
    now = time.time()
    if now - last_announce > 2:
        handle.force_dht_announce()
        last_announce = now
    count = session.status().dht_nodes
    if count != nodes:
        nodes = count
        print("dht_nodes", count, flush=True)
    if mode == "leech" and not completed and handle.status().is_seeding:
        completed = True
        print("complete", flush=True)
    time.sleep(0.1)
