"""What the tests, the benchmarks (bench/) and docs/screenshot.py share, and the app never imports: a
real Streamlit server and Debian's Chromium (harness), and a learner without a browser that speaks
Streamlit's websocket protocol (learner)."""
