"""Seeds one torrent with libtorrent on 127.0.0.1 for LibtorrentInteropTest.

Usage: libtorrent_seed.py TORRENT_FILE DATA_DIR
Prints "READY <port>" once the torrent seeds and the session listens, then runs until its
standard input closes (or 60 s pass). Settings as in INTEROP.md: loopback only, no DHT, LSD,
UPnP, NAT-PMP or uTP.
"""
import sys
import threading
import time

import libtorrent as lt

torrent_file, data_dir = sys.argv[1], sys.argv[2]
session = lt.session({
    'listen_interfaces': '127.0.0.1:0',
    'enable_dht': False,
    'enable_lsd': False,
    'enable_upnp': False,
    'enable_natpmp': False,
    'allow_multiple_connections_per_ip': True,
    'enable_outgoing_utp': False,
    'enable_incoming_utp': False,
})
params = lt.add_torrent_params()
params.ti = lt.torrent_info(torrent_file)
params.save_path = data_dir
params.flags = lt.torrent_flags.seed_mode
handle = session.add_torrent(params)

deadline = time.time() + 20
while time.time() < deadline:
    if handle.status().is_seeding and session.is_listening() and session.listen_port() > 0:
        break
    time.sleep(0.05)
else:
    print('NOT READY', flush=True)
    sys.exit(1)
print('READY', session.listen_port(), flush=True)

# Exit when the test closes our standard input, or after 60 s whatever happens.
done = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
done.wait(60)
