"""Run N replicas of the app behind HAProxy, with sticky sessions, websockets and health checks.

    python deploy/serve.py --replicas 2 --port 8501
    python deploy/serve.py --replicas 2 --port 443 --tls-cert /etc/ssl/private/school.pem --redirect-port 80

Starts `streamlit run streamlit_app.py` on ports port+1 … port+N (loopback only), writes an HAProxy
configuration from deploy/haproxy.cfg.template, and starts HAProxy on `--listen` (default
0.0.0.0:port). With `--tls-cert` (a PEM file holding the certificate and its private key, as HAProxy
reads it), HAProxy serves HTTPS there, and plain HTTP on `--redirect-port`, if given, answers with a
redirect to it. A replica that exits, or that stops answering its health check for `--hung-after`
seconds (a process that hangs), is stopped and started again; HAProxy sends its learners to the others
meanwhile, and is started again itself if it dies. Stops them all on Ctrl-C or SIGTERM. Needs HAProxy
(Debian: apt-get install haproxy).
"""

import argparse
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("haproxy.cfg.template")
CHECK_S = 1.0  # how often each replica's health is asked for (and HAProxy looked at)
STARTING_S = 120  # a replica just started has this long to answer (it loads TensorFlow)


def config(listen: str, ports: list[int], tls_cert: Path | None = None, redirect_port: int | None = None) -> str:
    servers = "\n".join(f"    server r{n} 127.0.0.1:{port} check cookie r{n}" for n, port in enumerate(ports, 1))
    binds = f"    bind {listen}" + (f" ssl crt {tls_cert}" if tls_cert else "")
    redirect = ""
    if tls_cert and redirect_port:
        host = listen.rsplit(":", 1)[0]
        binds += f"\n    bind {host}:{redirect_port}"
        redirect = "    http-request redirect scheme https code 301 unless { ssl_fc }\n"
    return TEMPLATE.read_text().format(binds=binds, servers=servers, redirect=redirect)


def replica(port: int) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.headless=true",
        f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT)


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except OSError:
        return False


class Replica:
    """One replica's process, and since when it has not answered its health check."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.start()

    def start(self) -> None:
        # A replica just started is given STARTING_S to load before its silence counts.
        self.process, self.answered = replica(self.port), time.monotonic() + STARTING_S

    def look(self, hung_after: float) -> None:
        """Start it again if it exited, or if it has not answered for `hung_after` seconds."""
        now = time.monotonic()
        if healthy(self.port):
            self.answered = now
        elif self.process.poll() is not None:
            print(f"replica on port {self.port} stopped (exit {self.process.returncode}): starting it again")
            self.start()
        elif now - self.answered > hung_after:
            print(f"replica on port {self.port} has not answered for {now - self.answered:.0f} s: starting it again")
            self.process.kill()
            self.process.wait(timeout=30)
            self.start()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8501, help="HAProxy's port; the replicas take the next ones")
    parser.add_argument("--listen", default=None, help="HAProxy's address (default 0.0.0.0:PORT)")
    parser.add_argument("--tls-cert", type=Path, help="a PEM file (certificate and key): serve HTTPS")
    parser.add_argument("--redirect-port", type=int, help="with --tls-cert: plain HTTP here redirects to HTTPS")
    parser.add_argument("--hung-after", type=float, default=15, help="seconds without a health answer: restart")
    args = parser.parse_args()
    ports = [args.port + n for n in range(1, args.replicas + 1)]
    replicas = [Replica(port) for port in ports]
    with tempfile.NamedTemporaryFile("w", suffix=".cfg", delete=False) as cfg:
        cfg.write(config(args.listen or f"0.0.0.0:{args.port}", ports, args.tls_cert, args.redirect_port))
    balancer = None
    try:
        deadline = time.monotonic() + STARTING_S
        while not all(healthy(port) for port in ports):
            if time.monotonic() > deadline or any(r.process.poll() is not None for r in replicas):
                sys.exit("a replica did not start")
            time.sleep(0.2)
        balancer = subprocess.Popen(["haproxy", "-W", "-f", cfg.name])
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        print(f"Jacobian Explorer: {args.replicas} replicas on ports {ports[0]}–{ports[-1]}, HAProxy on {args.port}")
        while True:
            if balancer.poll() is not None:
                print(f"HAProxy stopped (exit {balancer.returncode}): starting it again")
                balancer = subprocess.Popen(["haproxy", "-W", "-f", cfg.name])
            for r in replicas:
                r.look(args.hung_after)
            time.sleep(CHECK_S)
    except KeyboardInterrupt:
        pass
    finally:
        everything = [*(r.process for r in replicas), *([balancer] if balancer else [])]
        for process in everything:
            process.terminate()
        for process in everything:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()  # a stopped (SIGSTOP) or hung process does not end on SIGTERM
        Path(cfg.name).unlink()


if __name__ == "__main__":
    main()
