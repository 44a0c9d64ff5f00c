"""Analyses of results: sensitivity, switching values, value of information, comparison.

Empty for now; the decision-analysis work fills it. Analyses read :mod:`costmodel.engine`
results and never import streamlit, plotly, the CLI or a report writer.
"""
