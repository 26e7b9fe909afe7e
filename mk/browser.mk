# Real-browser tests (tests/test_browser.py): Debian's Chromium and the npm packages in
# tests/browser (playwright-core drives the system Chromium; it never downloads a browser).
# Included by the Makefile (which defines apt_install); `make browser-deps` installs what is missing.

BROWSER_TESTS := tests/browser
BROWSER_CHROMIUM := /usr/bin/chromium
# npm ci empties node_modules first, so this stamp exists only after a complete install.
BROWSER_STAMP := $(BROWSER_TESTS)/node_modules/.installed

.PHONY: browser-deps browser-system-deps browser-test

browser-deps: browser-system-deps $(BROWSER_STAMP)

# Playwright talks to Chromium directly, so chromium-driver (ChromeDriver) is not needed.
browser-system-deps:
	@missing=""; \
	[ -x $(BROWSER_CHROMIUM) ] || missing="$$missing chromium"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then $(call apt_install,$$missing); fi

# Reinstalled when the lock file is newer than the last install (or node_modules is gone).
$(BROWSER_STAMP): $(BROWSER_TESTS)/package-lock.json $(BROWSER_TESTS)/package.json | browser-system-deps
	npm ci --prefix $(BROWSER_TESTS) --no-audit --no-fund --loglevel=error
	@touch $@

browser-test: setup browser-deps
	$(BIN)/pytest -m browser tests/test_browser.py
