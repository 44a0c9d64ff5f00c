"""Analyses of results: sensitivity, switching values, value of information, comparison.

- :mod:`.compare`: scenarios side by side in one price year, a run against a reference run
  (differences in kr, percentage points and years), net benefit per payer, the bands of
  cumulative net benefit by year, and whether two scenarios compute the same thing;
- :mod:`.budget`: what part of the net benefit is cash in a budget, and the rest by kind
  (freed capacity, welfare).

- :mod:`.sensitivity`: one-way sensitivity (tornado), switching values, break-even;
- :mod:`.information`: importance of each input, the value of perfect and of partial
  information (EVPI, EVPPI), the Monte Carlo standard error.

The dashboard's sensitivity page is still to come. Analyses read :mod:`costmodel.engine` results
and never import streamlit, plotly, the CLI or a report writer.
"""
