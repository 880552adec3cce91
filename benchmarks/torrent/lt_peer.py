"""A libtorrent 2.0 peer for the torrent benchmark, on 127.0.0.1 only (run it with /usr/bin/python3).

  lt_peer.py seed TORRENT DIR PORT           checks DIR against TORRENT, prints "ready", seeds until SIGTERM
  lt_peer.py get TORRENT DIR PORT PEER...    downloads from the peers (PORTs on 127.0.0.1), exits 0 when done

DHT, LSD, UPnP, NAT-PMP, uTP and trackers are off; several connections per IP are allowed, since
every peer of the benchmark shares 127.0.0.1.
"""

import signal
import sys
import time

import libtorrent as lt


def session(port, seeding):
    settings = lt.high_performance_seed() if seeding else {}
    settings.update({
        "listen_interfaces": "127.0.0.1:%d" % port,
        "outgoing_interfaces": "127.0.0.1",
        "enable_dht": False,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "enable_outgoing_utp": False,
        "enable_incoming_utp": False,
        "allow_multiple_connections_per_ip": True,
        "alert_mask": lt.alert.category_t.status_notification | lt.alert.category_t.error_notification,
    })
    return lt.session(settings)


def add(ses, torrent, folder):
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(torrent)
    params.save_path = folder
    params.flags &= ~lt.torrent_flags.auto_managed
    params.flags &= ~lt.torrent_flags.paused
    handle = ses.add_torrent(params)
    handle.replace_trackers([])
    return handle


def seed(torrent, folder, port):
    ses = session(port, True)
    handle = add(ses, torrent, folder)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    while not handle.status().is_seeding:
        if handle.status().errc.value() != 0:
            sys.exit("seeder: %s" % handle.status().errc.message())
        time.sleep(0.05)
    print("ready", flush=True)
    while not stop:
        time.sleep(0.2)


def get(torrent, folder, port, peers):
    ses = session(port, False)
    handle = add(ses, torrent, folder)
    for peer in peers:
        handle.connect_peer(("127.0.0.1", peer))
    while True:
        ses.wait_for_alert(50)
        for alert in ses.pop_alerts():
            if isinstance(alert, lt.torrent_error_alert):
                sys.exit("leecher: %s" % alert.message())
        if handle.status().is_seeding:
            return


def main(argv):
    mode, torrent, folder, port = argv[1], argv[2], argv[3], int(argv[4])
    if mode == "seed":
        seed(torrent, folder, port)
    elif mode == "get":
        get(torrent, folder, port, [int(p) for p in argv[5:]])
    else:
        sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main(sys.argv)
