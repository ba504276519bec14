# The worker and bridge image: the project with tesseract (English, Latin-script and Vietnamese models) and poppler.
#   docker build -t loan-extractor .
# docker-compose.yml builds it for the worker, the bridge and the one-shot setup container.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # One thread per tesseract process: unset, a page takes about 8 times longer on a busy machine.
    OMP_THREAD_LIMIT=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-script-latn tesseract-ocr-vie poppler-utils \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# The pinned dependency set first, so code changes do not reinstall it.
COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY pyproject.toml README.md prefect.yaml ./
COPY config ./config
COPY src ./src
COPY flows ./flows
COPY tasks ./tasks
COPY blocks ./blocks
COPY deployments ./deployments
COPY samples ./samples
RUN pip install --no-deps . \
    && useradd --create-home --uid 10001 app \
    && mkdir -p /data \
    && chown app /data

USER app
# prefect.yaml's pull step runs flows from LOAN_EXTRACTOR_HOME; work folders and reports go to /data.
ENV LOAN_EXTRACTOR_HOME=/app \
    LOAN_EXTRACTOR_DATA_DIR=/data \
    PREFECT_LOGGING_EXTRA_LOGGERS=loan_extractor
CMD ["loan-extractor", "--help"]
