"""Side-by-side BitTorrent download benchmark on 127.0.0.1 (run it with /usr/bin/python3; see
benchmarks/README.md). Equinode, aria2c and libtorrent download the same random file from the same
1 and 4 libtorrent seeders; each download is timed from process start to exit, its CPU is the
leecher's utime+stime with children (wait4, the same counters as /proc/PID/stat), and the file is
compared with the original before the run counts."""

import argparse
import datetime
import hashlib
import http.server
import json
import os
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import threading
import time

import libtorrent as lt

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MIB = 1 << 20
PIECE = MIB
CLIENTS = ("equinode", "aria2c", "libtorrent", "equinode-ref")
LT_PYTHON = "/usr/bin/python3"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clock_ticks():
    return os.sysconf("SC_CLK_TCK")


def proc_cpu(pid):
    """utime+stime+cutime+cstime of /proc/PID/stat in seconds, or None once the process is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / clock_ticks()


def make_file(path, size):
    sha1 = hashlib.sha1()
    chunk = 64 * MIB
    with open(path, "wb") as f:
        left = size
        while left:
            data = os.urandom(min(chunk, left))
            sha1.update(data)
            f.write(data)
            left -= len(data)
    return sha1.hexdigest()


def file_sha1(path):
    sha1 = hashlib.sha1()
    with open(path, "rb") as f:
        while True:
            data = f.read(8 * MIB)
            if not data:
                return sha1.hexdigest()
            sha1.update(data)


def make_torrent(data, torrent):
    fs = lt.file_storage()
    lt.add_files(fs, data)
    # v1 only: libtorrent 2.0 makes hybrid v1+v2 torrents by default, and then refuses aria2's
    # handshake ("invalid info-hash").
    t = lt.create_torrent(fs, PIECE, flags=lt.create_torrent.v1_only)
    lt.set_piece_hashes(t, os.path.dirname(data))
    with open(torrent, "wb") as f:
        f.write(lt.bencode(t.generate()))


class StaticTracker:
    """An HTTP 'tracker' that answers every request with the same compact peer list (for aria2c)."""

    def __init__(self, ports):
        peers = b"".join(socket.inet_aton("127.0.0.1") + struct.pack(">H", p) for p in ports)
        body = b"d8:intervali600e5:peers%d:%se" % (len(peers), peers)

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d/announce" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def stop(proc, grace=5.0):
    """SIGTERM, then SIGKILL after the grace period; by PID only."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Seeders:
    def __init__(self, count, torrent, folder, logs):
        self.procs, self.ports = [], []
        for i in range(count):
            port = free_port()
            log = open(os.path.join(logs, "seeder-%d-%d.log" % (count, i)), "w")
            proc = subprocess.Popen([LT_PYTHON, os.path.join(HERE, "lt_peer.py"), "seed", torrent,
                                     folder, str(port)], stdout=subprocess.PIPE, stderr=log, text=True)
            self.procs.append(proc)
            self.ports.append(port)
        for proc in self.procs:
            line = proc.stdout.readline().strip()
            if line != "ready":
                self.close()
                raise SystemExit("a seeder did not start; see the seeder logs in " + logs)

    def cpu(self):
        return sum(proc_cpu(p.pid) or 0.0 for p in self.procs)

    def close(self):
        for proc in self.procs:
            stop(proc)


def leecher_command(client, args, torrent, dl, state, ports, tracker):
    port = free_port()
    peers = [str(p) for p in ports]
    if client in ("equinode", "equinode-ref"):
        jar = args.jar if client == "equinode" else args.ref_jar
        cds = []
        if (client == "equinode" and not args.no_cds) or (client == "equinode-ref" and args.ref_cds):
            # As ./equinode does: the archive is made at the end of the first download of the run
            # (which pays for writing it) and mapped by the later ones.
            archive = os.path.join(os.path.abspath(args.workdir), client + ".jsa")
            cds = ["-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive,
                   "-Xlog:cds*=off"]
        cmd = [args.java] + cds + args.jvm_arg + ["--enable-native-access=ALL-UNNAMED", "-jar", jar,
                                            "--datadir", state, "get", torrent, "--dir", dl,
                                            "--listen", "127.0.0.1:%d" % port]
        for p in peers:
            cmd += ["--peer", "127.0.0.1:" + p]
        return cmd
    if client == "aria2c":
        return ["aria2c", "--interface=127.0.0.1", "--enable-dht=false", "--enable-dht6=false",
                "--bt-enable-lpd=false", "--enable-peer-exchange=false", "--disable-ipv6=true",
                "--bt-external-ip=127.0.0.1", "--summary-interval=0", "--console-log-level=warn",
                "--dir=" + dl, "--seed-time=0", "--file-allocation=none",
                "--listen-port=%d" % port, "--bt-exclude-tracker=*", "--bt-tracker=" + tracker.url,
                torrent]
    return [LT_PYTHON, os.path.join(HERE, "lt_peer.py"), "get", torrent, dl, str(port)] + peers


def run_leecher(client, args, torrent, seeders, tracker, expected, work, logs, label):
    dl = os.path.join(work, "dl")
    state = os.path.join(work, "state")
    for d in (dl, state):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    cmd = leecher_command(client, args, torrent, dl, state, seeders.ports, tracker)
    load = os.getloadavg()[0]
    seeder_cpu0 = seeders.cpu()
    log = open(os.path.join(logs, label + ".log"), "w")
    result = {}
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    def reap():
        _, status, usage = os.wait4(proc.pid, 0)
        result.update(end=time.monotonic(), status=status, usage=usage)

    waiter = threading.Thread(target=reap, daemon=True)
    waiter.start()
    last_proc_cpu = None
    deadline = start + args.timeout
    timed_out = True
    try:
        while waiter.is_alive() and time.monotonic() < deadline:
            sample = proc_cpu(proc.pid)
            last_proc_cpu = sample if sample is not None else last_proc_cpu
            waiter.join(0.1)
        timed_out = waiter.is_alive()
    finally:
        if waiter.is_alive():
            os.kill(proc.pid, signal.SIGTERM)
            waiter.join(5)
            if waiter.is_alive():
                os.kill(proc.pid, signal.SIGKILL)
                waiter.join()
        log.close()
    seconds = result["end"] - start
    usage = result["usage"]
    cpu = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(result["status"])
    row = {"client": client, "seeders": len(seeders.ports), "seconds": round(seconds, 3),
           "cpu_seconds": round(cpu, 3), "user_seconds": round(usage.ru_utime, 3),
           "system_seconds": round(usage.ru_stime, 3), "last_proc_stat_cpu": last_proc_cpu,
           "seeders_cpu_seconds": round(seeders.cpu() - seeder_cpu0, 3),
           "load_before": round(load, 2), "exit": code, "ok": False}
    if timed_out:
        row["error"] = "killed after %d s" % args.timeout
    elif code != 0:
        row["error"] = "exit code %d (see %s.log)" % (code, label)
    else:
        got = os.path.join(dl, "data.bin")
        if not os.path.exists(got) or os.path.getsize(got) != args.size_mib * MIB:
            row["error"] = "downloaded file missing or of the wrong size"
        elif file_sha1(got) != expected:
            row["error"] = "downloaded file differs from the original"
        else:
            row["ok"] = True
            gib = args.size_mib / 1024
            row["mib_per_s"] = round(args.size_mib / seconds, 1)
            row["cpu_s_per_gib"] = round(cpu / gib, 3)
    shutil.rmtree(dl, ignore_errors=True)
    shutil.rmtree(state, ignore_errors=True)
    return row


def hash_rate(args, work, logs):
    cmd = [args.java, "-cp", args.benchmarks_jar, "org.equinode.benchmarks.PieceHashRate",
           os.path.join(work, "hash"), str(args.hash_mib)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
    with open(os.path.join(logs, "hash-rate.log"), "w") as f:
        f.write(out.stdout + out.stderr)
    if out.returncode != 0:
        return {"error": "PieceHashRate failed, see hash-rate.log"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def summarize(rows, clients, counts):
    summary = []
    for n in counts:
        for client in clients:
            ok = [r for r in rows if r["client"] == client and r["seeders"] == n and r["ok"]]
            runs = [r for r in rows if r["client"] == client and r["seeders"] == n]
            entry = {"client": client, "seeders": n, "runs": len(runs), "ok": len(ok)}
            if ok:
                entry["mib_per_s"] = round(statistics.median(r["mib_per_s"] for r in ok), 1)
                entry["cpu_s_per_gib"] = round(statistics.median(r["cpu_s_per_gib"] for r in ok), 2)
                entry["seeders_cpu_s"] = round(statistics.median(
                    r["seeders_cpu_seconds"] for r in ok), 2)
                entry["load"] = round(statistics.median(r["load_before"] for r in ok), 2)
            summary.append(entry)
    return summary


def markdown(meta, summary, hashing, rows):
    lines = ["# Torrent benchmark, %s" % meta["started"], "",
             "%d MiB random file, 1 MiB pieces, files on %s, %d repeat(s) (median), plain TCP on "
             "127.0.0.1, libtorrent 2.0.8 seeders. Load average %s at the start, %s at the end."
             % (meta["size_mib"], meta["medium"], meta["repeat"], meta["load_start"],
                meta["load_end"]), "",
             "| downloader | seeders | MiB/s | CPU-s/GiB | seeders' CPU-s per run | ok/runs | load |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for e in summary:
        if e["ok"]:
            lines.append("| %s | %d | %.1f | %.2f | %.2f | %d/%d | %.2f |" % (
                e["client"], e["seeders"], e["mib_per_s"], e["cpu_s_per_gib"],
                e["seeders_cpu_s"], e["ok"], e["runs"], e["load"]))
        else:
            lines.append("| %s | %d | failed | | | 0/%d | |" % (e["client"], e["seeders"], e["runs"]))
    lines.append("")
    if "error" in hashing:
        lines.append("Piece hashing: " + hashing["error"])
    else:
        lines.append("Piece hashing in one JVM (%s, %d MiB, median of %d): Equinode %s MiB/s "
                     "(a piece assembled in memory, as a download hashes it), %s MiB/s "
                     "(verifyPiece: read back from the files, as a recheck), JDK SHA-1 on byte[] "
                     "%s MiB/s." % (hashing["java"], hashing["mib"], hashing["rounds"],
                                   hashing["equinode_memory_mib_per_s"],
                                   hashing["equinode_mib_per_s"], hashing["jdk_sha1_mib_per_s"]))
    lines += ["", "Every run:", "",
              "| downloader | seeders | s | CPU-s (user + sys) | MiB/s | load | result |",
              "|---|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        lines.append("| %s | %d | %.2f | %.2f (%.2f + %.2f) | %s | %.2f | %s |" % (
            r["client"], r["seeders"], r["seconds"], r["cpu_seconds"], r["user_seconds"],
            r["system_seconds"], r.get("mib_per_s", ""),
            r["load_before"], "ok" if r["ok"] else r["error"]))
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--size-mib", type=int, default=1024, help="file size (default 1024)")
    p.add_argument("--repeat", type=int, default=1, help="downloads per client and seeder count")
    p.add_argument("--seeders", default="1,4", help="seeder counts, comma separated")
    p.add_argument("--clients", default=",".join(CLIENTS[:3]),
                   help="downloaders, comma separated: equinode, aria2c, libtorrent, and "
                        "equinode-ref (Equinode from --ref-jar, to compare two builds in one run)")
    p.add_argument("--ref-jar", help="another equinode.jar, for the equinode-ref downloader")
    p.add_argument("--workdir", default="/dev/shm/equinode-torrent-bench",
                   help="where the file and the downloads go (default: tmpfs)")
    p.add_argument("--results", default=os.path.join(HERE, "results"))
    p.add_argument("--timeout", type=int, default=180, help="seconds before a download is killed")
    p.add_argument("--java", default="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
    p.add_argument("--jar", default=os.path.join(ROOT, "cli", "target", "equinode.jar"))
    p.add_argument("--benchmarks-jar",
                   default=os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar"))
    p.add_argument("--jvm-arg", action="append", default=[],
                   help="an extra JVM option for the Equinode downloader (repeatable)")
    p.add_argument("--hash-mib", type=int, default=256)
    p.add_argument("--no-cds", action="store_true",
                   help="run the Equinode downloader without the class-data sharing archive "
                        "that ./equinode gives it")
    p.add_argument("--ref-cds", action="store_true",
                   help="give equinode-ref such an archive too (off by default: launchers "
                        "before this option had none)")
    args = p.parse_args()
    # SIGTERM unwinds like Ctrl-C, so that every seeder and leecher started is stopped by its PID.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    clients = [c for c in args.clients.split(",") if c]
    counts = [int(c) for c in args.seeders.split(",") if c]
    for c in clients:
        if c not in CLIENTS:
            raise SystemExit("unknown client " + c)
    if "equinode-ref" in clients and not args.ref_jar:
        raise SystemExit("equinode-ref needs --ref-jar")

    started = datetime.datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
    work = os.path.abspath(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    seed_dir = os.path.join(work, "seed")
    os.makedirs(seed_dir)
    logs = os.path.join(args.results, started + "-logs")
    os.makedirs(logs)
    medium = subprocess.run(["stat", "-f", "-c", "%T", work], capture_output=True,
                            text=True).stdout.strip()
    load_start = round(os.getloadavg()[0], 2)
    print("writing %d MiB of random data to %s (%s)" % (args.size_mib, work, medium), flush=True)
    data = os.path.join(seed_dir, "data.bin")
    expected = make_file(data, args.size_mib * MIB)
    torrent = os.path.join(work, "data.torrent")
    make_torrent(data, torrent)

    print("piece hashing rates...", flush=True)
    hashing = hash_rate(args, work, logs)
    rows = []
    try:
        for n in counts:
            print("starting %d seeder(s) (each checks the file first)..." % n, flush=True)
            seeders = Seeders(n, torrent, seed_dir, logs)
            tracker = StaticTracker(seeders.ports)
            try:
                for rep in range(args.repeat):
                    for client in clients:
                        label = "%s-%dseeders-%d" % (client, n, rep)
                        row = run_leecher(client, args, torrent, seeders, tracker, expected, work,
                                          logs, label)
                        rows.append(row)
                        print("  %-10s %d seeder(s) #%d: %s" % (
                            client, n, rep + 1,
                            "%.1f MiB/s, %.2f CPU-s/GiB, load %.2f" % (
                                row["mib_per_s"], row["cpu_s_per_gib"], row["load_before"])
                            if row["ok"] else "FAILED: " + row["error"]), flush=True)
            finally:
                tracker.close()
                seeders.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    summary = summarize(rows, clients, counts)
    meta = {"started": started, "size_mib": args.size_mib, "repeat": args.repeat,
            "medium": "%s (%s)" % (work, medium), "load_start": load_start,
            "load_end": round(os.getloadavg()[0], 2), "cores": os.cpu_count(),
            "java": args.java}
    text = markdown(meta, summary, hashing, rows)
    with open(os.path.join(args.results, started + ".md"), "w") as f:
        f.write(text)
    with open(os.path.join(args.results, started + ".json"), "w") as f:
        json.dump({"meta": meta, "summary": summary, "hashing": hashing, "runs": rows}, f, indent=1)
    print()
    print(text)
    print("written to %s/%s.{md,json}" % (args.results, started))


if __name__ == "__main__":
    main()
