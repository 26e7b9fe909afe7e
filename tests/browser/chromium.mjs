// Debian Chromium through playwright-core, shared by the browser tests in this folder.

import { delimiter } from "node:path";

import { chromium } from "playwright-core";

export const CHROMIUM = process.env.LIFEEVENTS_CHROMIUM || "/usr/bin/chromium";
// Without the networking flags Chromium reaches for Google's hosts, which this machine
// refuses. Playwright adds --headless itself and a new empty --user-data-dir per launch.
export const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const STEP_ID = /^step-[0-9]+$/;
export const TIMEOUT = 60_000;

export function files(name) {
  return (process.env[name] || "").split(delimiter).filter(Boolean);
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

// Everything that means the page is not self-contained or not working.
export function watch(page) {
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) =>
    problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on("request", (request) => {
    if (!request.url().startsWith("file:") && !request.url().startsWith("data:")) {
      problems.push(`network request: ${request.url()}`);
    }
  });
  page.on("dialog", async (dialog) => {
    problems.push(`dialog opened (script ran): ${dialog.message()}`);
    await dialog.dismiss();
  });
  return problems;
}
