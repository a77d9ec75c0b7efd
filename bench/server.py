"""Start the Streamlit dashboard on 127.0.0.1 for a benchmark, measure its memory, always stop it.

    from server import StreamlitServer, RssSampler
    with StreamlitServer() as srv:          # waits for /_stcore/health == "ok"
        print(srv.url, srv.startup_s, srv.rss_mb())
        with RssSampler(srv.pid) as rss:    # one sample a second in a thread
            ...
        print(rss.peak_mb)

The server runs in its own process group so that stopping it also stops anything it spawned; only that
group (whose id we created) is ever signalled.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
HOST = "127.0.0.1"  # never any other address: the benchmarks must not expose the app


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- memory of a process tree

def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # the process ended while we looked
        # the command name may contain spaces and parentheses: the fields start after the last ")"
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _tree(pid: int) -> list[int]:
    kids = _children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, ()))
    return out


def _vmrss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mb(pid: int) -> float:
    """Resident memory (MiB) of `pid` and all its descendants; 0 when it no longer exists."""
    try:
        import psutil  # optional: not in requirements, used when someone has it
        try:
            root = psutil.Process(pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0.0
        total = 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        return total / 2**20
    except ImportError:
        return sum(_vmrss_kb(p) for p in _tree(pid)) / 1024


def tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by `pid` and its live descendants; 0 when gone."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / tick


class RssSampler:
    """Samples tree_rss_mb(pid) every `interval` seconds in a daemon thread; peak_mb/samples afterwards."""

    def __init__(self, pid: int, interval: float = 1.0):
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, float]] = []  # (seconds since start, MiB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._t0 = 0.0

    def _run(self) -> None:
        while True:
            self.samples.append((round(time.monotonic() - self._t0, 2), round(tree_rss_mb(self.pid), 1)))
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> "RssSampler":
        self._t0 = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    @property
    def peak_mb(self) -> float:
        return max((mb for _, mb in self.samples), default=0.0)


# ---------------------------------------------------------------- the server

class StreamlitServer:
    """`python -m streamlit run app.py` headless on 127.0.0.1:<free port>, as a context manager.

    `env` adds/overrides environment variables (e.g. STORYLINE_DATA); unset = the bundled story.
    `startup_s` is the time from spawning the process until /_stcore/health answered "ok".
    """

    def __init__(self, app: Path = APP, port: int | None = None, env: dict[str, str] | None = None,
                 start_timeout: float = 90.0):
        self.app, self.port = Path(app), port or free_port()
        self.env = dict(os.environ, **(env or {}))
        self.start_timeout = start_timeout
        self.url = f"http://{HOST}:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.startup_s: float | None = None
        self.t_spawn = 0.0
        self._log = tempfile.TemporaryFile(mode="w+b")  # a file, not a pipe: a full pipe would block the server

    @property
    def pid(self) -> int:
        assert self.proc is not None, "server not started"
        return self.proc.pid

    def start(self) -> "StreamlitServer":
        cmd = [sys.executable, "-m", "streamlit", "run", str(self.app), "--server.headless", "true",
               "--server.port", str(self.port), "--server.address", HOST,
               "--browser.gatherUsageStats", "false"]
        self.t_spawn = time.monotonic()
        self.proc = subprocess.Popen(cmd, cwd=self.app.parent, env=self.env, stdout=self._log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = self.t_spawn + self.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.status == 200 and r.read().strip() == b"ok":
                        self.startup_s = time.monotonic() - self.t_spawn
                        return self
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"streamlit did not answer {self.url}/_stcore/health within "
                           f"{self.start_timeout:.0f} s:\n{self.log_tail()}")

    def rss_mb(self) -> float:
        return tree_rss_mb(self.pid) if self.proc else 0.0

    def log_tail(self, n: int = 3000) -> str:
        self._log.flush()
        self._log.seek(0, os.SEEK_END)
        size = self._log.tell()
        self._log.seek(max(0, size - n))
        return self._log.read().decode("utf-8", "replace")

    def stop(self) -> None:
        """Terminate the server's own process group; kill it after 10 s. Safe to call twice."""
        if self.proc is None or self.proc.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.proc.pid, sig)  # the group was created by start_new_session=True above
            except ProcessLookupError:
                return
            try:
                self.proc.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue

    def __enter__(self) -> "StreamlitServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
        self._log.close()


if __name__ == "__main__":  # quick manual check: start, report, stop
    with StreamlitServer() as srv:
        print(f"{srv.url} healthy after {srv.startup_s:.2f} s, RSS {srv.rss_mb():.0f} MiB")
