"""Run N replicas of the app behind HAProxy, with sticky sessions, websockets and health checks.

    python deploy/serve.py --replicas 2 --port 8501

Starts `streamlit run streamlit_app.py` on ports port+1 … port+N (loopback only), writes an HAProxy
configuration from deploy/haproxy.cfg.template, and starts HAProxy on `--listen` (default
0.0.0.0:port). A replica that dies is started again (HAProxy sends its learners to the others
meanwhile). Stops them all on Ctrl-C or SIGTERM. Needs HAProxy (Debian: apt-get install haproxy).
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
RESTART_CHECK_S = 0.5  # how often a dead replica is looked for


def config(listen: str, ports: list[int]) -> str:
    servers = "\n".join(f"    server r{n} 127.0.0.1:{port} check cookie r{n}" for n, port in enumerate(ports, 1))
    return TEMPLATE.read_text().format(listen=listen, servers=servers)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8501, help="HAProxy's port; the replicas take the next ones")
    parser.add_argument("--listen", default=None, help="HAProxy's address (default 0.0.0.0:PORT)")
    args = parser.parse_args()
    ports = [args.port + n for n in range(1, args.replicas + 1)]
    processes = [replica(port) for port in ports]
    with tempfile.NamedTemporaryFile("w", suffix=".cfg", delete=False) as cfg:
        cfg.write(config(args.listen or f"0.0.0.0:{args.port}", ports))
    balancer = None
    try:
        deadline = time.monotonic() + 120
        while not all(healthy(port) for port in ports):
            if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
                sys.exit("a replica did not start")
            time.sleep(0.2)
        balancer = subprocess.Popen(["haproxy", "-W", "-f", cfg.name])
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        print(f"Jacobian Explorer: {args.replicas} replicas on ports {ports[0]}–{ports[-1]}, HAProxy on {args.port}")
        while balancer.poll() is None:
            for n, process in enumerate(processes):
                if process.poll() is not None:
                    print(f"replica on port {ports[n]} stopped (exit {process.returncode}): starting it again")
                    processes[n] = replica(ports[n])
            time.sleep(RESTART_CHECK_S)
    except KeyboardInterrupt:
        pass
    finally:
        everything = [*processes, *([balancer] if balancer else [])]
        for process in everything:
            process.terminate()
        for process in everything:
            process.wait(timeout=30)
        Path(cfg.name).unlink()


if __name__ == "__main__":
    main()
