"""The dashboard entry point: ``streamlit run app.py`` (``make app``). All logic lives in
:mod:`costmodel.dashboard`."""

from costmodel.dashboard import main

main()
