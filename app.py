"""LSTM Lab's server: `streamlit run app.py` starts Streamlit on the router (router.py), with one
addition to the HTML page it sends: where the server is (ui/server_address.py says why)."""

import streamlit as st
from starlette.middleware import Middleware

from ui.server_address import ServerAddress

app = st.App("router.py", middleware=[Middleware(ServerAddress)])
