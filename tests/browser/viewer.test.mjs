// Real-browser checks of the map viewer of the interactive HTML page, in headless
// Debian Chromium via playwright-core, at the size of a projector (1920x1080).
//
// tests/test_viewer_browser.py writes the pages and runs `node --test tests/browser/` with:
//   LIFEEVENTS_VIEWER_FILES  HTML pages (path.delimiter-separated); beside each FILE a
//                            FILE.expect.json: {"steps": {"step-0": {"name", "column",
//                            "lane"}, ...}, "stage": KEY, "lane": KEY, "search": STEP-ID,
//                            "findings": whether a listed finding names steps}
//   LIFEEVENTS_CHROMIUM      the browser binary (default /usr/bin/chromium)
// The group is skipped when the variable is unset or empty.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import { files, launch, TIMEOUT, watch } from "./chromium.mjs";

const viewerFiles = files("LIFEEVENTS_VIEWER_FILES");
const WIDTH = 1920;
const HEIGHT = 1080;

// The element of a step: <g id="step-N"> in a blueprint, <g id="a_step-N"> in a table cell.
const stepSelector = (id) => `[id="${id}"], [id="a_${id}"]`;

// Facts about the page in one round trip: the map's box, its scale, and per step its box
// and classes.
async function facts(page, ids) {
  return page.evaluate((stepIds) => {
    const map = document.getElementById("lifeevents-map");
    const box = (element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    };
    const steps = {};
    for (const id of stepIds) {
      const element = document.getElementById(id) || document.getElementById(`a_${id}`);
      steps[id] = element && {
        box: box(element),
        classes: [...element.classList],
        opacity: Number(getComputedStyle(element).opacity),
      };
    }
    return {
      map: box(map),
      scale: Number(map.dataset.scale),
      toolbar: document.querySelector("header.toolbar").getBoundingClientRect().height,
      details: document.querySelector("#lifeevents-details-body h3")?.textContent ?? null,
      steps,
    };
  }, ids);
}

function inside(inner, outer) {
  const slack = 0.5; // sub-pixel rounding of the boxes
  return (
    inner.left >= outer.left - slack &&
    inner.top >= outer.top - slack &&
    inner.right <= outer.right + slack &&
    inner.bottom <= outer.bottom + slack
  );
}

const near = (a, b) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));

describe("map viewer", { skip: viewerFiles.length === 0 && "LIFEEVENTS_VIEWER_FILES is not set" }, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const file of viewerFiles) {
    test(basename(file), { timeout: TIMEOUT }, async () => {
      const expected = JSON.parse(readFileSync(`${file}.expect.json`, "utf8"));
      const ids = Object.keys(expected.steps);
      const context = await browser.newContext({
        viewport: { width: WIDTH, height: HEIGHT },
        hasTouch: true,
      });
      const page = await context.newPage();
      const problems = watch(page);
      try {
        await page.goto(pathToFileURL(file).href, { waitUntil: "load" });

        // Fitted: the map fills the window below a low toolbar, every step inside it.
        const fitted = await facts(page, ids);
        assert.ok(fitted.toolbar <= 64, `toolbar ${fitted.toolbar} px tall`);
        const mapWidth = fitted.map.right - fitted.map.left;
        const mapHeight = fitted.map.bottom - fitted.map.top;
        assert.ok(mapWidth >= 1880 && mapHeight >= 960, `map area ${mapWidth}x${mapHeight}`);
        const viewport = { left: 0, top: 0, right: WIDTH, bottom: HEIGHT };
        for (const id of ids) {
          const step = fitted.steps[id];
          assert.ok(step, `${id} is on the map`);
          assert.ok(inside(step.box, fitted.map), `${id} inside the map: ${JSON.stringify(step.box)}`);
          assert.ok(inside(step.box, viewport), `${id} inside the window`);
        }

        // Zoom in (button, key, wheel) changes the scale; fit (button, key) restores it.
        await page.click("#lifeevents-zoom-in");
        const zoomed = (await facts(page, [])).scale;
        assert.ok(zoomed > fitted.scale * 1.2, `zoom in: ${fitted.scale} -> ${zoomed}`);
        await page.click("#lifeevents-zoom-out");
        assert.ok(near((await facts(page, [])).scale, fitted.scale), "zoom out undoes zoom in");
        await page.click("#lifeevents-zoom-in");
        await page.click("#lifeevents-fit");
        assert.ok(near((await facts(page, [])).scale, fitted.scale), "fit restores the scale");
        await page.locator("h1").click();
        await page.keyboard.press("+");
        assert.ok((await facts(page, [])).scale > fitted.scale, "key + zooms in");
        await page.keyboard.press("0");
        assert.ok(near((await facts(page, [])).scale, fitted.scale), "key 0 fits");
        // The wheel zooms about the pointer: the point under it stays put.
        const middle = {
          x: (fitted.map.left + fitted.map.right) / 2,
          y: (fitted.map.top + fitted.map.bottom) / 2,
        };
        await page.mouse.move(middle.x + 200, middle.y + 100);
        await page.mouse.wheel(0, -300);
        const wheeled = await facts(page, ids.slice(0, 1));
        assert.ok(wheeled.scale > fitted.scale, "the wheel zooms in");
        // Dragging pans: the first step moves by the drag.
        await page.mouse.down();
        await page.mouse.move(middle.x + 100, middle.y + 40, { steps: 4 });
        await page.mouse.up();
        const dragged = await facts(page, ids.slice(0, 1));
        const moved = dragged.steps[ids[0]].box.left - wheeled.steps[ids[0]].box.left;
        assert.ok(Math.abs(moved + 100) < 2, `a drag of -100 px moved the map ${moved} px`);
        // An arrow key moves the map by an eighth of the window.
        await page.locator("h1").click();
        await page.keyboard.press("ArrowRight");
        const keyed = await facts(page, ids.slice(0, 1));
        const shift = keyed.steps[ids[0]].box.left - dragged.steps[ids[0]].box.left;
        assert.ok(Math.abs(shift + mapWidth / 8) < 2, `ArrowRight moved the map ${shift} px`);
        await page.keyboard.press("0");
        // Touch: two fingers spreading from 100 to 300 px apart zoom in threefold.
        const cdp = await context.newCDPSession(page);
        const touch = (type, points) =>
          cdp.send("Input.dispatchTouchEvent", {
            type,
            touchPoints: points.map(([x, y], id) => ({ x, y, id })),
          });
        await touch("touchStart", [[middle.x - 50, middle.y], [middle.x + 50, middle.y]]);
        for (let step = 1; step <= 5; step += 1) {
          await touch("touchMove", [[middle.x - 50 - 20 * step, middle.y], [middle.x + 50 + 20 * step, middle.y]]);
        }
        await touch("touchEnd", []);
        const pinched = (await facts(page, [])).scale;
        assert.ok(Math.abs(pinched / fitted.scale - 3) < 0.01, `pinch zoomed ${pinched / fitted.scale}x`);
        await page.keyboard.press("0");

        // Filters dim exactly the steps outside the chosen stage, then the chosen lane.
        for (const [control, key, value] of [
          ["#lifeevents-stage", "column", expected.stage],
          ["#lifeevents-lane", "lane", expected.lane],
        ]) {
          await page.selectOption(control, value);
          const filtered = await facts(page, ids);
          for (const id of ids) {
            const out = expected.steps[id][key] !== value;
            const step = filtered.steps[id];
            assert.equal(step.classes.includes("dimmed"), out, `${control}=${value}: ${id}`);
            assert.ok(out ? step.opacity < 0.5 : step.opacity === 1, `${id} opacity ${step.opacity}`);
            if (!out) assert.ok(inside(step.box, filtered.map), `${id} kept in view`);
          }
          await page.selectOption(control, "");
          const reset = await facts(page, ids);
          assert.ok(ids.every((id) => !reset.steps[id].classes.includes("dimmed")), "reset");
          assert.ok(near(reset.scale, fitted.scale), "no filter: fitted again");
        }

        // Search: typing a step's name marks it, centres it and shows its details; Enter
        // cycles through the matches.
        const wanted = expected.search;
        const name = expected.steps[wanted].name;
        await page.fill("#lifeevents-search", name);
        let found = await facts(page, ids);
        for (let presses = 0; presses < ids.length && !found.steps[wanted].classes.includes("current"); presses += 1) {
          await page.press("#lifeevents-search", "Enter");
          found = await facts(page, ids);
        }
        const target = found.steps[wanted];
        assert.ok(target.classes.includes("match") && target.classes.includes("current"), `search "${name}"`);
        assert.ok(inside(target.box, found.map), "the match is in view");
        const centreX = (target.box.left + target.box.right) / 2;
        assert.ok(Math.abs(centreX - (found.map.left + found.map.right) / 2) < 2, "centred");
        assert.equal(found.details, name, "its details are shown");
        for (const id of ids) {
          const plain = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
          const matches = plain(expected.steps[id].name).includes(plain(name));
          assert.equal(found.steps[id].classes.includes("match"), matches, `match ${id}`);
        }
        assert.match(await page.locator("#lifeevents-search-count").textContent(), /\d/);
        await page.fill("#lifeevents-search", "");
        await page.keyboard.press("Escape");
        await page.keyboard.press("0");

        // Findings and map, both ways: a finding selects its first step and brings its
        // steps into view; choosing that step marks its findings.
        await page.click("#lifeevents-panel-toggle");
        assert.ok(await page.locator("#lifeevents-panel").isVisible(), "the panel opens");
        const item = page.locator("#lifeevents-panel li[data-elements*='step-']").first();
        assert.equal((await item.count()) > 0, expected.findings, "a finding names steps");
        if (expected.findings) {
          const named = (await item.getAttribute("data-elements")).split(" ");
          const linked = named.filter((id) => Object.hasOwn(expected.steps, id));
          assert.ok(linked.length > 0, `the finding's steps ${named} are steps of the journey`);
          await item.click();
          const chosen = await facts(page, linked);
          assert.ok(chosen.steps[linked[0]].classes.includes("selected"), `finding selects ${linked[0]}`);
          for (const id of linked) {
            assert.ok(chosen.steps[id].classes.includes("linked"), `finding marks ${id}`);
            assert.ok(inside(chosen.steps[id].box, chosen.map), `${id} in view beside the panel`);
          }
          assert.equal(chosen.details, expected.steps[linked[0]].name);
          assert.ok(await item.evaluate((element) => element.classList.contains("active")));
          await page.locator("h1").click();
          await page.keyboard.press("Escape");
          assert.equal(await page.locator(".linked, .selected").count(), 0, "Esc clears the choice");
          await page.click(stepSelector(linked[0]));
          const related = await page.locator("#lifeevents-panel li.related").count();
          assert.ok(related >= 1, "the step's findings are marked");
          assert.ok(await item.evaluate((element) => element.classList.contains("related")));
          assert.equal(await page.locator("#lifeevents-panel-toggle .badge").textContent(), String(related));
        }
        await page.click("#lifeevents-panel-close");
        assert.equal(await page.locator("#lifeevents-panel").isVisible(), false);

        assert.deepEqual(problems, [], "no console errors, page errors or requests");
      } finally {
        await context.close();
      }
    });
  }
});
