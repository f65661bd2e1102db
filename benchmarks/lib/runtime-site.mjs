// The site of the runtime groups (2, 3, 5): a page with a backend script (variables, a Schema validation,
// a CRM read) and the 97 KB table page, whose rows come from variables.json.
import { mkdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { tableRows, PAGES } from "./workloads.mjs";

export const SCRIPT_PAGE = `<script scope="backend">
  const schema = Schema.object({ name: Schema.string().min(1).max(40), qty: Schema.number().min(0).max(100) });
  const checked = schema.validate({ name: 'trail tent', qty: 3 });
  const profile = getCrmFields({ slug: 'profile', referenceType: 'customer', referenceId: 'bench@example.com', fieldKeys: ['first_name', 'plan', 'visits'] });
  setVariable('valid', checked.valid);
  setVariable('title', 'Your account');
  setVariable('first_name', profile && profile.first_name ? profile.first_name : 'friend');
  setVariable('plan', profile && profile.plan ? profile.plan : 'none');
  setVariable('visits', profile && profile.visits ? profile.visits : 0);
</script>
<h1>{{ var.title }}</h1>
<p>Hello {{ var.first_name | title }}, plan {{ var.plan | upper }}, {{ var.visits }} visits.</p>
@if(var.valid)
<p>Your basket is valid.</p>
@endif
`;

export function writeRuntimeSite(dir = mkdtempSync(join(tmpdir(), "pagec-bench-rt-"))) {
  mkdirSync(join(dir, "pages"), { recursive: true });
  writeFileSync(join(dir, "site.json"), JSON.stringify({
    id: "bench", name: "Bench",
    crm: { entities: [{ slug: "profile", name: "Profile", fields: [
      { key: "first_name", type: "text", label: "First name" },
      { key: "plan", type: "text", label: "Plan" },
      { key: "visits", type: "number", label: "Visits" },
    ] }] },
  }, null, 2));
  writeFileSync(join(dir, "variables.json"), JSON.stringify({ rows: tableRows(1000) }));
  writeFileSync(join(dir, "pages", "script.ef"), SCRIPT_PAGE);
  writeFileSync(join(dir, "pages", "table.ef"), PAGES.table);
  return dir;
}

/** A raw request as the HTTP layer hands it to runPage. */
export const rawRequest = (url) => ({ method: "GET", url, headers: { host: "127.0.0.1" }, remoteAddress: "127.0.0.1", encrypted: false, body: null });
