// SPEC §10.2 Example B (hilltop): B1–B3, exact bodies.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { join } from "node:path";
import { startTestServer, type TestServer } from "../runtime/server-harness.js";

const site = join(import.meta.dirname, "../fixtures/spec-sites/hilltop");
let t: TestServer;
beforeAll(async () => { t = await startTestServer(site); });
afterAll(async () => { await t?.stop(); });

const get = (url: string) => t.server.fastify.inject({ method: "GET", url });
const HTML_CT = "text/html; charset=utf-8";

const B1 = `<h1>HILLTOP GEAR · 3 products</h1>
<article class="card card--featured">
  <h2>Trail Tent For Two <small>tent-2</small></h2>
  <p class="price">€249.50</p>
  <p>A light two-person tent that packs down to...</p>
  <p class="tags">camping, shelter</p>
  <p class="stock">In stock · added 2 Oct 2026</p>
</article>
<article class="card">
  <h2>Lantern <small>lamp-9</small></h2>
  <p class="price">€19.00</p>
  <p>No description yet.</p>
  <p class="tags">camping, light</p>
  <p class="stock">Sold out · added 11 Nov 2026</p>
</article>
<article class="card">
  <h2>Enamel Mug <small>mug-1</small></h2>
  <p class="price">€8.25</p>
  <p>Chip-resistant &lt;b&gt;enamel&lt;/b&gt; mug.</p>
  <p class="tags">untagged</p>
  <p class="stock">In stock · added 24 Dec 2025</p>
</article>
<footer>All prices in EUR.</footer>`;

describe("SPEC §10.2 Example B", () => {
  it("B1 — GET /products (no backend script)", async () => {
    const r = await get("/products");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe(HTML_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.body).toBe(B1);
  });

  it("B2 — GET /products/mug-1 (wildcard route)", async () => {
    const r = await get("/products/mug-1");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe(HTML_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.body).toBe("<h1>Enamel Mug</h1>\n<p>€8.25 (about 8 eur)</p>\n<p>Chip-resistant &lt;b&gt;enamel&lt;/b&gt; mug.</p>\n");
  });

  it("B3 — GET /products/%3Cb%3Ex: 404 with the escaped parameter", async () => {
    const r = await get("/products/%3Cb%3Ex");
    expect(r.statusCode).toBe(404);
    expect(r.headers["content-type"]).toBe(HTML_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.body).toBe('<h1>No product called "&lt;b&gt;x"</h1>\n<p><a href="/products">Back to all products</a></p>\n');
  });
});
