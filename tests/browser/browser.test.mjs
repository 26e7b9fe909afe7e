// Real-browser checks of lifeevents output, in headless Debian Chromium via playwright-core.
//
// tests/test_browser.py writes the inputs and runs `node --test tests/browser/` with:
//   LIFEEVENTS_HTML_FILES  interactive HTML pages (path.delimiter-separated); beside each
//                          FILE an optional FILE.expect.json {"step-0": "step name", ...}
//   LIFEEVENTS_MMD_FILES   Mermaid sources (path.delimiter-separated)
//   LIFEEVENTS_BPMN_FILES  BPMN 2.0 files (path.delimiter-separated); beside each FILE a
//                          FILE.expect.json {"tasks": n, "lanes": n}; with
//                          LIFEEVENTS_BPMN_SCREENSHOT=PNG the first one is photographed
//   LIFEEVENTS_CHROMIUM    the browser binary (default /usr/bin/chromium)
// A group whose variable is unset or empty is skipped.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { basename, delimiter, dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

import { files, launch, STEP_ID, TIMEOUT, watch } from "./chromium.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
async function detailsName(page) {
  return page.locator("#lifeevents-details-body h3").textContent();
}

const htmlFiles = files("LIFEEVENTS_HTML_FILES");

describe("interactive HTML pages", { skip: htmlFiles.length === 0 && "LIFEEVENTS_HTML_FILES is not set" }, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const file of htmlFiles) {
    test(basename(file), { timeout: TIMEOUT }, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const problems = watch(page);
        await page.goto(pathToFileURL(file).href, { waitUntil: "load" });

        const page_facts = await page.evaluate(() => ({
          svgs: document.querySelectorAll("svg").length,
          runnable: document.querySelectorAll("script:not([type])").length,
          steps: JSON.parse(document.getElementById("lifeevents-steps").textContent),
        }));
        assert.equal(page_facts.svgs, 1, "exactly one inline SVG");
        assert.equal(page_facts.runnable, 1, "exactly one runnable script, the page's own");
        const names = Object.fromEntries(
          Object.entries(page_facts.steps).map(([id, step]) => [id, step.name]),
        );
        const expectFile = `${file}.expect.json`;
        if (existsSync(expectFile)) {
          assert.deepEqual(names, JSON.parse(readFileSync(expectFile, "utf8")), "step names");
        }
        const ids = Object.keys(names);
        assert.ok(ids.length > 0, "the page has steps");

        // Hover: the first, a middle and the last step show their own name.
        for (const id of new Set([ids[0], ids[Math.floor(ids.length / 2)], ids.at(-1)])) {
          await page.hover(`[id="${id}"]`);
          assert.equal(await detailsName(page), names[id], `hover ${id}`);
        }

        // Keyboard: Tab reaches a step element, and focus shows its details too.
        await page.locator("h1").click();
        let focused = "";
        for (let presses = 0; presses < 200 && !STEP_ID.test(focused); presses += 1) {
          await page.keyboard.press("Tab");
          focused = await page.evaluate(() => document.activeElement?.id ?? "");
        }
        assert.match(focused, STEP_ID, "Tab reaches a step");
        assert.equal(await detailsName(page), names[focused], `focus ${focused}`);

        assert.deepEqual(problems, [], "no console errors, failed requests or dialogs");
      } finally {
        await context.close();
      }
    });
  }
});

const mmdFiles = files("LIFEEVENTS_MMD_FILES");

describe("Mermaid code", { skip: mmdFiles.length === 0 && "LIFEEVENTS_MMD_FILES is not set" }, () => {
  let browser;
  let page;
  let problems;
  before(async () => {
    browser = await launch();
    page = await browser.newPage();
    problems = watch(page);
    await page.goto(pathToFileURL(join(HERE, "mermaid.html")).href, { waitUntil: "load" });
    await page.evaluate(() =>
      window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" }),
    );
  });
  after(async () => {
    await browser?.close();
  });

  mmdFiles.forEach((file, index) => {
    test(basename(file), { timeout: TIMEOUT }, async () => {
      problems.length = 0; // what an earlier, failed diagram left is that test's problem
      const source = readFileSync(file, "utf8");
      const result = await page.evaluate(
        async ([id, text]) => {
          try {
            const { svg } = await window.mermaid.render(id, text);
            return { svg };
          } catch (error) {
            return { error: String(error?.message ?? error) };
          }
        },
        [`diagram-${index}`, source],
      );
      assert.equal(result.error, undefined, `mermaid.render failed for ${file}`);
      assert.match(result.svg, /^<svg[\s>]/, "an <svg> element");
      assert.doesNotMatch(result.svg, /Syntax error/i);
      assert.deepEqual(problems, [], "no console errors or failed requests");
    });
  });
});

const bpmnFiles = files("LIFEEVENTS_BPMN_FILES");

describe("BPMN in bpmn-js", { skip: bpmnFiles.length === 0 && "LIFEEVENTS_BPMN_FILES is not set" }, () => {
  let browser;
  let page;
  let problems;
  before(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    problems = watch(page);
    await page.goto(pathToFileURL(join(HERE, "bpmn.html")).href, { waitUntil: "load" });
  });
  after(async () => {
    await browser?.close();
  });

  bpmnFiles.forEach((file, index) => {
    test(basename(file), { timeout: TIMEOUT }, async () => {
      problems.length = 0;
      const result = await page.evaluate(async (xml) => {
        document.getElementById("canvas").replaceChildren();
        const viewer = new window.BpmnJS({ container: "#canvas" });
        try {
          const { warnings } = await viewer.importXML(xml);
          const canvas = viewer.get("canvas");
          canvas.zoom("fit-viewport");
          const all = viewer.get("elementRegistry").getAll();
          const count = (pattern) => all.filter((element) => pattern.test(element.type)).length;
          return {
            warnings: warnings.map((warning) => String(warning.message)),
            tasks: count(/^bpmn:(Manual|User|Send|Service)Task$/),
            lanes: count(/^bpmn:Lane$/),
            drawn: document.querySelectorAll(".djs-element").length,
          };
        } catch (error) {
          return { error: String(error?.message ?? error) };
        }
      }, readFileSync(file, "utf8"));
      assert.equal(result.error, undefined, `importXML failed for ${file}`);
      assert.deepEqual(result.warnings, [], "no import warnings");
      const expected = JSON.parse(readFileSync(`${file}.expect.json`, "utf8"));
      assert.equal(result.tasks, expected.tasks, "every step is a task");
      assert.equal(result.lanes, expected.lanes, "a lane per authority");
      assert.ok(result.drawn > result.tasks, "drawn on the canvas");
      const screenshot = process.env.LIFEEVENTS_BPMN_SCREENSHOT;
      if (index === 0 && screenshot) {
        await page.locator("#canvas").screenshot({ path: screenshot });
      }
      assert.deepEqual(problems, [], "no console errors or failed requests");
    });
  });
});
