// Real-browser checks of the workshop page of `lifeevents serve`, in headless Debian
// Chromium via playwright-core: a choice applies at once, an edit on disk reloads the
// page, a broken file shows its located problems with the last good map one click away.
//
// tests/test_serve_browser.py starts the server and runs `node --test tests/browser/` with:
//   LIFEEVENTS_SERVE_FILES  JSON files {"url": ..., "journey": FILE, "scenario": KEY}
//                           (path.delimiter-separated): the server's address, the
//                           journey file this test edits, a scenario it may choose
//   LIFEEVENTS_CHROMIUM     the browser binary (default /usr/bin/chromium)
// The group is skipped when the variable is unset or empty.

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { after, before, describe, test } from "node:test";

import { files, launch, TIMEOUT } from "./chromium.mjs";

const configs = files("LIFEEVENTS_SERVE_FILES");
// Generous: the page reloads within about half a second (docs/serve.md); this only tells
// "reloads" from "does not reload" on a busy machine.
const RELOAD_MS = 5_000;

// Everything that means the page is broken or reaches beyond its own server.
function watchServed(page, origin) {
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) {
      problems.push(`request elsewhere: ${request.url()}`);
    }
  });
  page.on("requestfailed", (request) => {
    // The event stream ends when the page reloads itself: that is the point.
    if (request.url().includes("/events?") && request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("dialog", async (dialog) => {
    problems.push(`dialog opened (script ran): ${dialog.message()}`);
    await dialog.dismiss();
  });
  return problems;
}

// Change the journey file on disk and wait for the page to load again by itself.
async function editAndWaitForReload(page, file, edit) {
  const loaded = page.waitForEvent("load", { timeout: RELOAD_MS });
  const started = Date.now();
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  await loaded;
  return Date.now() - started;
}

// Step names wrap over several text lines, which textContent joins without a space.
const mapText = (page) => page.locator("main > figure.map svg").textContent();

describe("lifeevents serve", { skip: configs.length === 0 && "LIFEEVENTS_SERVE_FILES is not set" }, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const configFile of configs) {
    test(basename(configFile), { timeout: TIMEOUT }, async () => {
      const config = JSON.parse(readFileSync(configFile, "utf8"));
      const origin = new URL(config.url).origin;
      const original = readFileSync(config.journey, "utf8");
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const problems = watchServed(page, origin);
      try {
        await page.goto(config.url, { waitUntil: "load" });
        assert.match(await mapText(page), /Gebühr zahlen/);
        assert.equal(await page.locator("#problems").count(), 0);
        // Nothing runs but the server's own script.
        assert.deepEqual(
          await page.$$eval("script", (scripts) => scripts.map((script) => script.getAttribute("src"))),
          ["/static/serve.js"],
        );

        // A choice applies at once (no button): the scenario adds a column of figures.
        const navigated = page.waitForEvent("load");
        await page.locator(`input[name="scenario"][value="${config.scenario}"]`).check();
        await navigated;
        assert.equal(await page.locator(".figures thead th").count(), 3);
        assert.ok(await page.locator(`input[name="scenario"][value="${config.scenario}"]`).isChecked());

        // An edit on disk reloads the open page, which shows it.
        const reload = await editAndWaitForReload(page, config.journey, (text) =>
          text.replace("Gebühr zahlen", "Gebühr bar zahlen"),
        );
        assert.match(await mapText(page), /Gebühr\s*bar\s*zahlen/);
        console.log(`reloaded ${reload} ms after the edit`);

        // A broken file: its problems, located, and the last good map one click away.
        await editAndWaitForReload(page, config.journey, (text) =>
          text.replace("channels: [online]", "channels: [onlne]"),
        );
        const listed = await page.locator("#problems li").allTextContents();
        assert.equal(listed.length, 1, listed.join("\n"));
        assert.match(listed[0], /demo\.yaml:20:17: .*'onlne'/);
        assert.equal(await page.locator("main > figure.map").count(), 0);
        const lastGood = page.locator("#last-good");
        assert.equal(await lastGood.locator("figure.map").isVisible(), false);
        await lastGood.locator("summary").click();
        assert.ok(await lastGood.locator("figure.map svg").isVisible());
        assert.match(await lastGood.locator("figure.map svg").textContent(), /Gebühr\s*bar\s*zahlen/);

        // The problem links to its line in the file.
        await page.locator("#problems li a").click();
        await page.waitForURL(/\/source\/demo\.yaml#L20$/);
        assert.match(await page.locator("li#L20.marked").textContent(), /onlne/);

        // Repaired, the source view reloads too; back on the page the map is there again.
        await editAndWaitForReload(page, config.journey, () => original);
        assert.equal(await page.locator("li.marked").count(), 0);
        await page.goto(config.url, { waitUntil: "load" });
        assert.match(await mapText(page), /Gebühr zahlen/);
        assert.deepEqual(problems, []);
      } finally {
        writeFileSync(config.journey, original);
        await page.close();
      }
    });
  }
});
