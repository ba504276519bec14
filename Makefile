# Two commands set up a fresh Debian/Ubuntu machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-script-latn tesseract-ocr-vie poppler-utils fonts-dejavu-core
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_EXTRA_LOGGERS := loan_extractor

.PHONY: setup system-packages run test bench samples lock clean

setup: system-packages $(VENV)/.installed

# tesseract with its English model, poppler and the fonts the sample generator draws names with
# come from the distribution's packages; only the missing ones are installed.
system-packages:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing" $$missing; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

run: setup
	$(BIN)/loan-extractor run samples

test: setup
	$(BIN)/pytest

bench: setup
	$(BIN)/python bench/throughput.py

samples: setup
	$(BIN)/loan-extractor samples samples

# Re-resolve the pinned dependency set after changing pyproject.toml.
lock:
	$(BIN)/uv pip compile -q --extra dev --python-version 3.11 -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) .loan-extractor .pytest_cache
