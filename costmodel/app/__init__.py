"""The Streamlit dashboard (``streamlit run app.py``), one module per concern:

- :mod:`.layout`: :func:`main`, the entry point: page setup, language, tabs, footer;
- :mod:`.sidebar`: scenario choice, upload, perspective and number of simulations;
- :mod:`.overview`, :mod:`.tune`, :mod:`.compare`, :mod:`.sensitivity`: the pages Översikt,
  Anpassa, Jämför and Känslighet (its words and tables in :mod:`.sensitivity_text`, its cached
  analysis in :mod:`.sensitivity_data`);
- :mod:`.widgets`: the editor of one parameter and the pure helpers behind it;
- :mod:`.state`: session state, scenarios and uploads, cached runs and tuned scenarios;
- :mod:`.common`: small display helpers shared by the others (markdown escaping, amounts,
  KPI cards);
- :mod:`.charts`: the plotly figures; :mod:`.words`: the dashboard's words in Swedish and
  English (Översikt's in :mod:`.words_overview`, Känslighet's in :mod:`.words_sensitivity`).

Imports run one way: words, charts → common → state → widgets → pages → layout. The pages draw
what the engine computed (:class:`~.state.View`) and what :mod:`costmodel.analysis` derives
from it (differences, price-year conversion, payer totals, the decision analysis through
:func:`costmodel.views.sensitivity.analyse`); nothing here is sent over the network.
"""


def main() -> None:
    """Draw the dashboard: what ``app.py`` calls on every rerun (:func:`.layout.main`). Imported
    here, not at the package's import, so that :mod:`.serve` can time and quiet the import."""
    from .layout import main as draw

    draw()


__all__ = ["main"]
