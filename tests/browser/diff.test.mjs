// Real-browser checks of the difference page (lifeevents render --view diff -o FILE.html),
// in headless Debian Chromium via playwright-core.
//
// tests/test_browser.py writes the pages and runs `node --test tests/browser/` with:
//   LIFEEVENTS_DIFF_FILES  difference pages (path.delimiter-separated)
//   LIFEEVENTS_CHROMIUM    the browser binary (default /usr/bin/chromium)
// The group is skipped when the variable is unset or empty.

import assert from "node:assert/strict";
import { basename } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import { files, launch, TIMEOUT, watch } from "./chromium.mjs";

const VIEWS = ["today", "changed", "overlay"];
const diffFiles = files("LIFEEVENTS_DIFF_FILES");

describe("difference pages", { skip: diffFiles.length === 0 && "LIFEEVENTS_DIFF_FILES is not set" }, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const file of diffFiles) {
    test(basename(file), { timeout: TIMEOUT }, async () => {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const problems = watch(page);
      await page.goto(pathToFileURL(file).href);
      const shown = async () =>
        page.$$eval("section.map", (sections) =>
          sections.filter((section) => getComputedStyle(section).display !== "none").map((s) => s.dataset.view),
        );
      // The overlay first; each radio button shows its picture and hides the others.
      assert.deepEqual(await shown(), ["overlay"]);
      for (const view of VIEWS) {
        await page.locator(`input[name="view"][value="${view}"]`).check();
        assert.deepEqual(await shown(), [view]);
        const steps = await page.locator(`section[data-view="${view}"] svg g.node`).count();
        assert.ok(steps > 0, `no steps drawn in ${view}`);
      }
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
