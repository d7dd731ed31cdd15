"""The baseline for rerun and repaint benchmarks: a bare Streamlit app with one slider."""

import streamlit as st

value = st.slider("x", 0.0, 10.0, 1.0, 0.5, key="x")
st.write(value)
