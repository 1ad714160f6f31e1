#!/usr/bin/env python3
"""Follow Sitroom's live topics from Python with the standard socket.io client (pip install "python-socketio[client]",
or Debian's python3-socketio and python3-websocket). No Sitroom code is needed: see docs/live-protocol.md.

    python3 follow_fleet.py http://localhost:8080 [--token TOKEN] [--messages N]

Prints one JSON line per thing it hears: hello, the subscribe acknowledgement, deltas, the fleet's positions, and the
first container site decoded from the snapshot's binary columns. Stops after N fleet position messages (default: never).
"""
import argparse
import json
import struct
import sys
import threading

import socketio

TOPICS = ["kpi", "incidents", "fleet", "containers"]
CONTAINER_BYTES_PER_SITE = 18


def out(kind, **fields):
    print(json.dumps({"event": kind, **fields}, ensure_ascii=False), flush=True)


def decode_container_site(snapshot, i):
    """Site i of the containers snapshot: columns of n values each, little-endian (docs/live-protocol.md)."""
    n, b = snapshot["count"], snapshot["columns"]
    assert len(b) == n * CONTAINER_BYTES_PER_SITE
    lon, = struct.unpack_from("<i", b, 4 * i)
    lat, = struct.unpack_from("<i", b, n * 4 + 4 * i)
    serviced, = struct.unpack_from("<I", b, n * 8 + 4 * i)
    municipality, = struct.unpack_from("<H", b, n * 12 + 2 * i)
    fill, status, operator, containers = b[n * 14 + i], b[n * 15 + i], b[n * 16 + i], b[n * 17 + i]
    return {"index": i, "lon": lon / 1e6, "lat": lat / 1e6, "servicedAt": serviced * 1000 if serviced else None,
            "municipality": snapshot["municipalities"][municipality], "fill": fill,
            "status": snapshot["statuses"][status], "operator": snapshot["operators"][operator], "containers": containers}


def main():
    args = argparse.ArgumentParser()
    args.add_argument("url")
    args.add_argument("--token", default=None, help="an operator session, admin or screen token; none on this computer")
    args.add_argument("--messages", type=int, default=0)
    opts = args.parse_args()

    sio = socketio.Client(reconnection=True)
    state = {"run": None, "seq": {}, "positions": 0}
    done = threading.Event()

    def subscribe():
        # resume: with the run from hello and each topic's last seq, the server sends only what was missed
        topics = [{"topic": t, **({"since": state["seq"][t]} if t in state["seq"] else {})} for t in TOPICS]
        ack = sio.call("subscribe", {"run": state["run"], "topics": topics} if state["run"] else {"topics": topics}, timeout=30)
        if not ack["ok"]:
            out("refused", error=ack["error"])
            return sio.disconnect()
        for r in ack["results"]:
            state["seq"][r["topic"]] = r["seq"]
        out("subscribed", run=ack["run"], topics=[{"topic": r["topic"], "mode": r["mode"], "seq": r["seq"]} for r in ack["results"]])
        for r in ack["results"]:
            if r["topic"] == "containers" and r["mode"] == "snapshot" and r["snapshot"]["count"]:
                out("container", site=decode_container_site(r["snapshot"], 0))
            if r["topic"] == "fleet" and r["mode"] == "snapshot":
                out("fleet-snapshot", vehicles=len(r["snapshot"]["vehicles"]))

    @sio.on("hello")
    def hello(h):
        if state["run"] != h["run"]:
            state["seq"].clear()  # another server run: its numbers mean nothing here, start from snapshots
        state["run"] = h["run"]
        out("hello", protocol=h["protocol"], run=h["run"], topics=h["topics"])
        sio.start_background_task(subscribe)

    @sio.on("delta")
    def delta(d):
        state["seq"][d["topic"]] = d["seq"]
        if d["topic"] != "containers":  # its changes are a binary block (see the document)
            out("delta", topic=d["topic"], seq=d["seq"])

    @sio.on("fleet:positions")
    def positions(p):
        out("positions", seq=p["seq"], time=p["time"], count=len(p["vehicles"]), first=p["vehicles"][0] if p["vehicles"] else None)
        state["positions"] += 1
        if opts.messages and state["positions"] >= opts.messages:
            done.set()

    @sio.on("server:restart")
    def restart(n):
        out("restart", afterMs=n["afterMs"])

    @sio.event
    def disconnect(*reason):
        out("disconnected")

    sio.connect(opts.url, transports=["websocket"], auth={"token": opts.token} if opts.token else None)
    try:
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    sio.disconnect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
