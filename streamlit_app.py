"""Jacobian Explorer: the router. Pages come from the catalog, titled in the reader's language."""

import streamlit as st

st.set_page_config(page_title="Jacobian Explorer", page_icon="∂", layout="wide")

# The first visit imports TensorFlow (seconds): say so instead of showing a blank page.
with st.spinner("Loading TensorFlow… · Đang tải TensorFlow…"):
    from jaccore import explorer

st.navigation(explorer.navigation(explorer.choose_language())).run()
