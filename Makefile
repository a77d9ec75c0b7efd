PY ?= python3
PORT ?= 8501

.PHONY: install install-dev browser run test bench data score load browser-bench exports fuzz
install:
	$(PY) -m pip install -q -r requirements.txt

install-dev: install
	$(PY) -m pip install -q -r requirements-dev.txt

# Debian's Chromium for browser tests and PNG export (never `playwright install`).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

# The dashboard on the bundled story.
run: install
	$(PY) -m streamlit run app.py --server.port $(PORT)

# TimelineJS for the browser test of the TimelineJS export (pinned in package-lock.json)
node_modules: package.json package-lock.json
	npm ci --silent --no-audit --no-fund

# Everything the tests need, then every test.
test: install-dev browser node_modules
	$(PY) -m pytest -q

# 30 browser sessions against one server on 127.0.0.1 for 60 s (bounded, self-stopping), then one teacher
# presenting (Next every 3 s) with 30 viewers following for 60 s -> bench/results/load_follow.json
load: install-dev browser
	$(PY) bench/load_test.py
	$(PY) bench/load_test.py --mode follow

browser-bench: install-dev browser
	$(PY) bench/browser_bench.py

exports: install
	$(PY) -m pipeline data/seeds --out out --export timelinejs,sheets,html,png

bench: install-dev
	$(PY) bench/pipeline_bench.py
	$(PY) bench/dashboard_bench.py

data: install
	$(PY) -m pipeline data/seeds --out data/processed

# Extraction quality on the development story (../shared/dev), with the scorer we are judged by.
score: install
	$(PY) -m pipeline ../shared/dev/titanic --out /tmp/storyline-titanic -q
	$(PY) ../shared/dev/score.py ../shared/dev/titanic/gold.py ../shared/dev/titanic /tmp/storyline-titanic

# The long fuzzing run (hypothesis, hundreds of examples per property)
fuzz: install-dev
	$(PY) -m pytest -q -m slow
