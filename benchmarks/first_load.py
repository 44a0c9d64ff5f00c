"""The dashboard's first load in a real browser (issue 11, point 9): how long from navigation
until the answer with its key figures shows, and until the first plotly chart is drawn.

Not a test and not part of ``make test`` or ``make bench``: run it by hand,
``.venv/bin/python benchmarks/first_load.py`` (``--loads 5``, ``--json PATH``). It serves
``app.py`` as ``make app`` does (``python -m costmodel.app.serve app.py``: the dashboard
imported and warmed before the server listens, then ``streamlit run`` with the repository's
``.streamlit/config.toml``) on a free port and opens it in headless Chromium (Playwright,
``/usr/bin/chromium``):

- *cold*: a new server for every load, its first visitor (Streamlit's caches are empty: the
  default scenario is read and run and its figures built in the visitor's session);
- *warm*: one server, already used once; every load in a new browser context (an empty HTTP
  cache, a new Streamlit session);
- *revisit*: the same server, every load a new page (a new Streamlit session) in one browser
  context that has loaded the dashboard before (its HTTP cache and compiled code kept), as a
  returning user's browser;
- *edit*: on Anpassa, a new number typed into a field: until the tuned net benefit shows it
  (``figures``) and until the rerun's last message (``whole_page``), ms after Enter.

A script injected before the page's own records, on the page's clock (ms since navigation),
when the answer sentence and the first KPI value appear, when the first chart's SVG appears,
when the websocket opened and when its first and last messages of the first run arrived; the
resource timings say when the Streamlit bundle and plotly's chunk were fetched. The table
gives the median of each, and the spread (min–max).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ANSWER = "[data-testid='stAlertContainer']"  # the sentence (st.info)
KPI = "[data-testid='stMetricValue']"  # the first key figure
CHART = "[data-testid='stPlotlyChart'] svg.main-svg"  # a plotly chart, drawn

# Runs in the page before its own scripts: marks the first time each selector matches, and the
# websocket's open and messages, in performance.now() (ms since navigation).
PROBE = """
(() => {
  const marks = {};
  const ws = [];
  window.__firstLoad = {marks, ws};
  const sel = SELECTORS;
  const check = () => {
    for (const [name, s] of Object.entries(sel)) {
      if (!(name in marks) && document.querySelector(s)) marks[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true});
  const Native = window.WebSocket;
  window.WebSocket = function (...args) {
    const sock = new Native(...args);
    sock.addEventListener('open', () => ws.push(['open', performance.now(), 0]));
    sock.addEventListener('message', (e) => {
      const size = e.data.size || e.data.byteLength || e.data.length || 0;
      ws.push(['msg', performance.now(), size]);
    });
    return sock;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})();
""".replace("SELECTORS", json.dumps({"answer": ANSWER, "kpi": KPI, "chart": CHART}))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(root: Path = ROOT) -> Iterator[str]:
    """``app.py`` of ``root`` served on a free port as ``make app`` serves it
    (``python -m costmodel.app.serve app.py``; ``streamlit run app.py`` for a checkout older
    than that module)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    serve_module = (root / "costmodel" / "app" / "serve.py").exists()
    cmd = [
        sys.executable,
        "-m",
        *(["costmodel.app.serve"] if serve_module else ["streamlit", "run"]),
    ]
    cmd += ["app.py", "--server.port", str(port)]
    cmd += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    proc = subprocess.Popen(
        cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"streamlit did not start on {url}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def one_load(browser: Browser, url: str, context: BrowserContext | None = None) -> dict[str, Any]:
    """One navigation in a new browser context (or a new page of ``context``, whose HTTP and
    code caches are kept): the marks, websocket and resource timings."""
    own = context is None
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}) if own else context
    assert ctx is not None
    try:
        page = ctx.new_page()
        page.add_init_script(PROBE)
        page.goto(url)
        page.locator(CHART).first.wait_for(timeout=60_000)
        page.locator(ANSWER).first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)  # let the first run's last messages arrive
        got: dict[str, Any] = page.evaluate(
            """() => ({
              ...window.__firstLoad,
              nav: performance.getEntriesByType('navigation').map(e => e.toJSON())[0],
              res: performance.getEntriesByType('resource').map(
                e => [e.name, e.startTime, e.responseEnd, e.transferSize, e.decodedBodySize]),
            })"""
        )
    finally:
        if own:
            ctx.close()
        else:
            page.close()
    return digest(got)


def digest(got: dict[str, Any]) -> dict[str, Any]:
    """The figures of one load, in ms since navigation."""
    out: dict[str, Any] = {k: round(v) for k, v in got["marks"].items()}
    msgs = [t for kind, t, _ in got["ws"] if kind == "msg"]
    opened = [t for kind, t, _ in got["ws"] if kind == "open"]
    if opened:
        out["ws_open"] = round(opened[0])
    if msgs:
        out["ws_first_msg"] = round(msgs[0])
        # the first run's messages: those before the chart showed (later ones are reruns)
        out["ws_msgs"] = len(msgs)
        out["ws_bytes"] = sum(size for kind, _, size in got["ws"] if kind == "msg")
    out["dom_content_loaded"] = round(got["nav"]["domContentLoadedEventEnd"])
    js = [r for r in got["res"] if r[0].endswith(".js")]
    out["js_files"] = len(js)
    out["js_bytes"] = sum(r[4] for r in js)
    for name, key in (("/index.", "main_bundle_end"), ("PlotlyChart", "plotly_chunk_end")):
        hits = [r for r in js if name in r[0]]
        if hits:
            out[key] = round(hits[0][2])
            if key == "plotly_chunk_end":
                out["plotly_chunk_start"] = round(hits[0][1])
    out["last_js_end"] = round(max((r[2] for r in js), default=0))
    return out


def medians(rows: list[dict[str, Any]]) -> dict[str, tuple[float, float, float]]:
    keys = sorted({k for r in rows for k in r})
    return {
        k: (
            statistics.median(r[k] for r in rows if k in r),
            min(r[k] for r in rows if k in r),
            max(r[k] for r in rows if k in r),
        )
        for k in keys
    }


ORDER = [
    "dom_content_loaded",
    "main_bundle_end",
    "ws_open",
    "ws_first_msg",
    "answer",
    "kpi",
    "plotly_chunk_start",
    "plotly_chunk_end",
    "chart",
    "last_js_end",
    "js_files",
    "js_bytes",
    "ws_msgs",
    "ws_bytes",
]


def table(name: str, rows: list[dict[str, Any]]) -> str:
    since = "after Enter" if name == "edit" else "since navigation"
    lines = [f"{name} ({len(rows)} loads): median (min–max), ms {since}"]
    for k, (med, lo, hi) in sorted(
        medians(rows).items(), key=lambda kv: ORDER.index(kv[0]) if kv[0] in ORDER else 99
    ):
        lines.append(f"  {k:20} {med:>10.0f}   ({lo:.0f}–{hi:.0f})")
    return "\n".join(lines)


MODE_INPUT = ".st-key-arg__file_vaxjo_yaml__avoided_placement_years__pert__mode input"
TUNE_NET = ".st-key-kpi_net_tune [data-testid='stMetricValue']"
EDITS = ["0,6", "0,7", "0,8", "0,9", "1,1", "1,2", "1,3"]  # each a new run, none cached


def edits(browser: Browser, url: str, n: int) -> list[dict[str, Any]]:
    """Anpassa: a number typed into a field, Enter, until the tuned net benefit shows the new
    figure (``figures``) and until the rerun's last websocket message (``whole_page``)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(PROBE)
    page.goto(url)
    page.locator(CHART).first.wait_for(timeout=60_000)
    page.get_by_role("tab", name="Anpassa").click()
    box = page.locator(MODE_INPUT)
    box.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    out = []
    for text in EDITS[:n]:
        before = page.locator(TUNE_NET).inner_text()
        box.fill(text)
        t0 = page.evaluate("performance.now()")
        box.press("Enter")
        shown = page.wait_for_function(
            """([sel, before]) => { const e = document.querySelector(sel);
                 return e && e.textContent !== before ? performance.now() : false; }""",
            arg=[TUNE_NET, before],
            polling="raf",
            timeout=60_000,
        ).json_value()
        page.wait_for_timeout(1500)  # the rerun's last messages
        last = page.evaluate("(t0) => Math.max(...window.__firstLoad.ws.map(m => m[1]))", t0)
        out.append({"figures": round(shown - t0), "whole_page": round(last - t0)})
    page.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--loads", type=int, default=5, help="loads of each kind (default 5)")
    ap.add_argument(
        "--only", choices=["cold", "warm", "revisit", "edit"], help="measure one kind only"
    )
    ap.add_argument("--json", type=Path, help="also write every load's figures here")
    ap.add_argument(
        "--root",
        type=Path,
        default=ROOT,
        help="serve app.py of another checkout (e.g. an older commit, git archive'd) to compare",
    )
    args = ap.parse_args()
    result: dict[str, list[dict[str, Any]]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if args.only in (None, "cold"):
            result["cold"] = []
            for _ in range(args.loads):
                with serve(args.root) as url:
                    result["cold"].append(one_load(browser, url))
        if args.only in (None, "warm", "revisit", "edit"):
            with serve(args.root) as url:
                one_load(browser, url)  # the server's first run, not counted
                if args.only in (None, "warm"):
                    result["warm"] = [one_load(browser, url) for _ in range(args.loads)]
                if args.only in (None, "edit"):
                    result["edit"] = edits(browser, url, min(args.loads, len(EDITS)))
                if args.only in (None, "revisit"):
                    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                    one_load(browser, url, ctx)  # fills the browser's caches, not counted
                    result["revisit"] = [one_load(browser, url, ctx) for _ in range(args.loads)]
                    ctx.close()
        browser.close()
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    for name, rows in result.items():
        print(table(name, rows))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
