# LSTM Lab, self-hosted: docker build -t lstm-lab . && docker run -p 8501:8501 lstm-lab
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # one thread per training run: many learners share a few cores (ui.page also sets torch's count)
    OMP_NUM_THREADS=1

WORKDIR /app

# torch first, from the PyTorch CPU index (PyPI's Linux wheel is a multi-GB CUDA build); the version
# comes from requirements.txt, the one list of pins, which then installs everything else.
COPY requirements.txt .
RUN pip install "$(grep '^torch==' requirements.txt)" --index-url https://download.pytorch.org/whl/cpu \
 && pip install -r requirements.txt

RUN useradd --create-home --uid 10001 lstmlab
COPY --chown=lstmlab:lstmlab . .
USER lstmlab

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"

CMD ["streamlit", "run", "app.py", \
     "--server.address", "0.0.0.0", "--server.port", "8501", "--server.headless", "true", \
     "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
