"""Serve the dashboard (``make app``): ``python -m costmodel.app.serve app.py [options]``.

Streamlit imports nothing of the dashboard until a visitor's session runs ``app.py``, so the
first visitor of a new server waited for the dashboard's modules to be imported (about 0.3 s:
pydantic's scenario models, the analyses, plotly's figure classes) and for the first calls
into numpy, the engine and plotly (about 0.2 s more), before the answer and the first chart
(issue 11, point 9: the first chart of a new server took 3.3 s). :func:`warm` does that work
once, before the server listens: it imports the pages, reads the default scenario, runs it and
builds Översikt's figures, all uncached and then thrown away (Streamlit's caches need its
runtime, which does not exist yet; they fill on the first visit as before, now in
milliseconds). Then :func:`main` hands over to ``streamlit run`` with the options given, so
``.streamlit/config.toml`` and every ``--server.*`` flag work as they do with
``streamlit run app.py``.

A default scenario that is missing, broken or cannot be run does not stop the server: the page
says what is wrong, as it always did. Ctrl-C while the dashboard is warmed stops with exit
status 130 and a line saying so, not a traceback (afterwards Streamlit handles it).
"""

from __future__ import annotations

import logging
import sys
import time

from ..text import fmt


def warm() -> float:
    """Import the dashboard and run its first page's work once; the seconds it took."""
    start = time.perf_counter()
    from streamlit.runtime.caching import cache_data_api  # its logger exists from here on

    # st.cache_data checks its options against a storage that only the runtime has: without
    # one it warns, once per cached function, about something that does not matter here
    quiet = logging.getLogger(cache_data_api.__name__)
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        from .. import scenario
        from . import layout, overview, state  # layout imports every page
    finally:
        quiet.setLevel(level)
    del layout
    path = state.SCENARIO_DIR / state.DEFAULT_FILE
    try:
        s = scenario.load(path)
        view = state.compute_view(s, state.effective_iterations(s, 0), s.meta.seed)
        run = (s.sha256, view.iterations, view.seed)
        for persp in state.VIEWS:
            for chart in ("histogram", "fan", "payers"):
                overview.build_figure(run, chart, persp, "sv", view).to_json()
    except Exception:
        # a warm-up only saves the first visitor time and never keeps the server from
        # starting: the page says what is wrong (a broken scenario, a fault) as it always did
        pass
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    """``streamlit run`` ``argv`` (the script, then Streamlit's options), after :func:`warm`."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0].startswith("-"):
        sys.stderr.write("usage: python -m costmodel.app.serve app.py [streamlit options]\n")
        raise SystemExit(2)
    try:
        seconds = warm()
    except KeyboardInterrupt:  # Ctrl-C before the server started: stop without a traceback
        sys.stderr.write("costmodel: avbrutet innan servern startade\n")
        raise SystemExit(130) from None
    # Swedish first, as the CLI (Streamlit's own lines that follow are English)
    took = fmt.number(seconds, "sv", 1)
    print(f"costmodel: instrumentpanelen är förberedd ({took} s); servern startar")
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", *args]
    cli.main()


if __name__ == "__main__":
    main()
