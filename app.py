"""LSTM Lab's server: `streamlit run app.py` starts Streamlit on the router (router.py), with one
addition to the HTML page it sends: where the server is (ui/server_address.py says why)."""

# pandas with the server, before any page runs, never in a page's or the warm-up's thread: plotly
# looks it up with sys.modules.get, and from another thread finds it half imported
# ("partially initialized module 'pandas'", plotly.py#2433; seen on /metrics while the warm-up
# thread imported it, a few seconds after a server start). It adds 0.2-0.8 s to the server's
# start, not to any page.
import pandas  # noqa: F401
import streamlit as st
from starlette.middleware import Middleware

from ui.server_address import ServerAddress

app = st.App("router.py", middleware=[Middleware(ServerAddress)])
