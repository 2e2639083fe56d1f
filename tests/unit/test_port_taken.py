"""A port a just-killed server still holds is not "taken by another program": the start after
a kill -9 waits a moment for it to close (servers/local_neo4j.py ``port_taken``)."""

from __future__ import annotations

import socket
import threading
import time

from vivim_graph.servers.local_neo4j import port_taken


def _listening() -> tuple[socket.socket, int]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock, sock.getsockname()[1]


def test_a_port_closed_during_the_grace_is_free():
    sock, port = _listening()
    threading.Timer(0.5, sock.close).start()
    started = time.monotonic()
    assert port_taken(port, grace=5.0) is False
    assert time.monotonic() - started < 4.0  # it stopped waiting once the port closed


def test_a_port_still_held_after_the_grace_is_taken():
    sock, port = _listening()
    try:
        started = time.monotonic()
        assert port_taken(port, grace=0.6) is True
        assert time.monotonic() - started >= 0.5
    finally:
        sock.close()
