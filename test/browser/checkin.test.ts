// Real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) against `createServer` on
// loopback: log in, fill the check-in form, submit it through the page's own fetch(), see "Logged:", then
// load the dashboard and see the value.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { startTestServer, type TestServer } from "../runtime/server-harness.js";

const CHROMIUM = process.env.PAGEC_CHROMIUM ?? "/usr/bin/chromium";
const site = join(import.meta.dirname, "../../examples/weight-tracker");
let t: TestServer;
let browser: Browser;
let address: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does)`);
  t = await startTestServer(site);
  address = await t.server.listen();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 60000);
afterAll(async () => { await browser?.close(); await t?.stop(); });

describe("weight check-in in a real browser", () => {
  it("logs in, submits the form through fetch(), and shows the value on the dashboard", async () => {
    const page = await browser.newPage();
    await page.goto(`${address}/login?next=%2Fweight%2Fcheckin`);
    await page.fill('input[name="email"]', "sam@example.com");
    await page.fill('input[name="pin"]', "4321");
    await Promise.all([page.waitForURL(`${address}/weight/checkin`), page.click("button")]);
    expect(await page.textContent("h1")).toBe("Weight Check-in");
    await page.fill("#weight", "181.4");
    await page.selectOption("#unit", "kg");
    await page.fill("#notes", "after a <long> run");
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.getElementById("result")?.textContent !== "");
    expect(await page.textContent("#result")).toBe("Logged: 181.4 kg");
    await page.goto(`${address}/dashboard`);
    expect(await page.textContent("h2")).toBe("Current weight: 181.4 kg");
    expect(await page.textContent("li")).toBe("after a <long> run");
    // The backend script never reaches the browser.
    expect(await page.content()).not.toContain("WeightCheckinSchema");
    await page.close();
  });
});
