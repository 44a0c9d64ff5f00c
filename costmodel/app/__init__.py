"""The Streamlit dashboard (``streamlit run app.py``): pages, state, widgets and charts."""

from .dashboard import main

__all__ = ["main"]
