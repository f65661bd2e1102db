// Writes a small site into a temporary directory for the type-checker tests.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export function makeSite(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "pagec-tc-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

export const page = (script: string, html = "<p>ok</p>\n") => `<script scope="backend">\n${script}\n</script>\n${html}`;
