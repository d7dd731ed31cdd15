"""Jacobian Explorer: the router. Its pages come from the table of pages, titled in the reader's language.

The start-up effects live here, in the order a server's first visit needs them (jaccore/ui/startup.py).
"""

import streamlit as st

from jaccore.ui import startup, state, widgets  # light: no TensorFlow yet

startup.configure_page()
startup.leave_the_old_api()  # a server's first run: see jaccore/ui/startup.py
startup.preload_plotly()  # the browser fetches Plotly.js while the server works (TensorFlow, the page)
startup.send_without_delay()  # once per server, before TensorFlow's objects make the search slow
state.begin_run()
lang = widgets.choose_language()
with st.spinner(startup.loading(lang)):
    from jaccore.ui import navigation  # TensorFlow and the renderers: seconds, once per server
startup.freeze_imports()
navigation.run(lang)
