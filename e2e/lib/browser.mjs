// Debian's headless Chromium (never one fetched by Playwright) for the explorer's browser
// tests, with the flags that keep it from reaching for the network, a fresh profile, and a
// list of page errors and requests that left 127.0.0.1.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.LINDEN_CHROMIUM ?? "/usr/bin/chromium";
export const SHOTS = process.env.LINDEN_SCREENSHOTS ?? path.join(tmpdir(), "linden-explorer-screenshots");

/** Starts the browser; `problems` collects page errors and requests to anything but 127.0.0.1. */
export async function openBrowser(problems, viewport = { width: 1280, height: 900 }) {
  mkdirSync(SHOTS, { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), "linden-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport,
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("request", (r) => {
    if (new URL(r.url()).hostname !== "127.0.0.1") problems.push(`request outside the node: ${r.url()}`);
  });
  return {
    page,
    async screenshot(name) {
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
