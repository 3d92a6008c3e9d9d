"""Pure plotting functions: data in, Plotly figure (or SVG string) out. No Streamlit here."""
