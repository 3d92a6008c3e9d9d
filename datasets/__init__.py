"""Datasets shipped with LSTM Lab: seeded generators and loaders of small real data in this folder.

Nothing is downloaded at run time. Each dataset has a card (source, licence, size, what it teaches)
in datasets/CARDS.md. No Streamlit here.
"""
