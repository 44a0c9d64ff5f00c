"""The dashboard entry point: ``streamlit run app.py`` (``make app``). All logic lives in
:mod:`costmodel.app`."""

from costmodel.app import main

main()
