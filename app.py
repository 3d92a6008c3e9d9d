"""LSTM Lab's server: `streamlit run app.py` starts Streamlit on the router (router.py), with two
additions to the HTML page it sends: where the server is (ui/server_address.py says why), and the
tab's name, which tells a reload from a dropped connection (ui/tab_id.py)."""

# pandas with the server, before any page runs, never in a page's or the warm-up's thread: plotly
# looks it up with sys.modules.get, and from another thread finds it half imported
# ("partially initialized module 'pandas'", plotly.py#2433; seen on /metrics while the warm-up
# thread imported it, a few seconds after a server start). It adds 0.2-0.8 s to the server's
# start, not to any page.
import pandas  # noqa: F401
import streamlit as st
from starlette.middleware import Middleware

from ui import tab_id
from ui.server_address import ServerAddress

app = st.App("router.py", middleware=[Middleware(ServerAddress, more=tab_id.SCRIPT)])
