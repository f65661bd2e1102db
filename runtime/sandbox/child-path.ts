// Locates the compiled child entry. The pool may run from build/ (production) or from the TypeScript
// sources (tests import them directly); the child itself always runs as compiled JS from build/.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function childEntryPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const sibling = join(here, "child", "main.js");
  if (existsSync(sibling)) return sibling;
  // here = <root>/runtime/sandbox when running from source
  const built = join(here, "..", "..", "build", "runtime", "sandbox", "child", "main.js");
  if (existsSync(built)) return built;
  throw new Error(`pagec: sandbox child entry not found (looked for ${sibling} and ${built}); run \`npm run build\``);
}
