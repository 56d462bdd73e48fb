# Two commands for a fresh machine: `make run` starts the bot, `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint format bench clean catalogues wheels image

# Start the bot (settings from .env; migrations run first).
run: $(VENV)/.runtime
	$(BIN)/python -m bot

# Lint the code and the Dockerfile, then run the whole test suite.
test: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/hadolint Dockerfile
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Lint and check formatting, without running tests.
lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/hadolint Dockerfile

# Fix what ruff can fix and format the code.
format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Marathon needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.runtime

# After changing bot/texts.py: extract its sentences into the template, merge them into every
# language's .po (new ones untranslated, changed ones fuzzy), then compile the .mo files the bot
# reads (committed, so a fresh clone and the image need no build step). README: "Adding a language".
catalogues: $(VENV)/.dev
	$(BIN)/pybabel extract -F babel.cfg -k _ -k P_:1,2 --no-location --sort-output \
		--project=Marathon -o bot/locales/marathon.pot .
	# the copy is str.format only: pybabel would take "{percent}% of" for a printf placeholder
	sed -i -e '/^#, python-format$$/d' -e 's/, python-format$$//' bot/locales/marathon.pot
	$(BIN)/pybabel update -D marathon -i bot/locales/marathon.pot -d bot/locales \
		--ignore-obsolete
	$(BIN)/pybabel compile -D marathon -d bot/locales --statistics

# The image's wheelhouse (see the Dockerfile): the bot and every dependency as wheels, plus pip's
# own wheel, which the build runs pip from; exactly what resolves today (older wheels go first,
# pip's cache keeps this quick). Python 3.11, like the image, on the image's kind of machine
# (Linux, same architecture). The only step that needs a package index. SOURCE_DATE_EPOCH: the
# bot's wheel is the same bytes for the same code, so Docker's cache holds across builds.
WHEELS ?= wheels
wheels: | $(BIN)/python
	$(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "the image runs Python 3.11: make wheels PYTHON=python3.11 VENV=.venv-3.11")'
	rm -rf build $(WHEELS)/*.whl
	SOURCE_DATE_EPOCH=315532800 $(BIN)/python -m pip wheel --quiet --disable-pip-version-check --wheel-dir $(WHEELS) .
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --no-deps --dest $(WHEELS) pip

# Build the image from the wheelhouse (BASE_IMAGE: any Debian-based image with Python 3.11).
IMAGE ?= marathon
image: wheels
	docker build --tag $(IMAGE) $(if $(BASE_IMAGE),--build-arg BASE_IMAGE=$(BASE_IMAGE)) .

# Run every benchmark, one at a time, and write docs/benchmarks.md (set TEST_DATABASE_URL to
# include PostgreSQL). Takes about 40 minutes; run it on an otherwise idle machine.
bench: $(VENV)/.dev
	$(BIN)/python -m bench.report $(BENCH_ARGS)

# Remove the virtual environment and the tools' caches.
clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build wheels
