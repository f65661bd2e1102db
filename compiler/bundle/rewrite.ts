// Rewrites one unit or module file into its piece of the bundle, editing a MagicString over the ORIGINAL file
// text so the source map points into it: text outside the code is removed, blocks are joined by "\n", imports
// are hoisted into `await __load_mN()` lines, `export` keywords are stripped, and every user `catch` first
// hands the caught value to `__pc.rethrow` so no catch block runs because of a terminal call (SPEC §4.1).
import MagicString from "magic-string";
import type * as acorn from "acorn";
import * as walk from "acorn-walk";
import type { ScannedFile, ModuleGraph } from "./graph.js";
import { DEFAULT_LOCAL, type ImportInfo, type ExportEntry } from "./syntax.js";
import { precompileFileSchemas, type SchemaCounts } from "./schema-hook.js";

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string): string => (name === "__proto__" ? `["__proto__"]` : IDENT.test(name) ? name : JSON.stringify(name));

/** The hoisted statement that evaluates the imported module and binds its names (non-live: copied once). */
function loadStatement(imp: ImportInfo, index: number): string {
  const load = `await __load_m${index}()`;
  const parts: string[] = [];
  if (imp.defaultLocal) parts.push(`default: ${imp.defaultLocal.name}`);
  for (const n of imp.named) parts.push(n.imported === n.local ? key(n.local) : `${key(n.imported)}: ${n.local}`);
  if (imp.namespaceLocal) {
    const ns = `const ${imp.namespaceLocal} = ${load};`;
    return parts.length ? `${ns} const { ${parts.join(", ")} } = ${imp.namespaceLocal};` : ns;
  }
  return parts.length ? `const { ${parts.join(", ")} } = ${load};` : `${load};`;
}

export function hoistedLoads(file: ScannedFile, graph: ModuleGraph): string {
  return file.syntax.imports
    .map((imp) => { const m = graph.resolved.get(imp); return m ? " " + loadStatement(imp, m.index) : ""; })
    .join("");
}

export function namespaceLiteral(exports: ExportEntry[]): string {
  const props = exports.map((e) => (e.name === e.local && IDENT.test(e.name) && e.name !== "__proto__" ? e.name : `${key(e.name)}: ${e.local}`));
  return `Object.freeze({ __proto__: null${props.map((p) => ", " + p).join("")} })`;
}

export interface RewrittenFile { s: MagicString; schemas: SchemaCounts }

/** Edits the file's text down to the code of `file`; the caller adds the wrapper as intro/outro. */
export function rewriteFile(file: ScannedFile, precompileSchemas: boolean): RewrittenFile {
  const { parsed } = file;
  const s = new MagicString(parsed.text);
  const at = parsed.toFileOffset;
  const segs = parsed.segments;
  if (segs[0].start > 0) s.remove(0, segs[0].start);
  for (let i = 1; i < segs.length; i++) {
    if (segs[i].start > segs[i - 1].end) s.overwrite(segs[i - 1].end, segs[i].start, "\n");
    else s.appendLeft(segs[i].start, "\n");
  }
  const last = segs[segs.length - 1].end;
  if (last < parsed.text.length) s.remove(last, parsed.text.length);
  // A hashbang line is only valid at the very start of a script, and this code goes inside a function.
  if (parsed.code.startsWith("#!")) s.remove(at(0), at(parsed.code.search(/[\r\n]|$/)));

  for (const node of parsed.program.body) {
    if (node.type === "ImportDeclaration" || node.type === "ExportAllDeclaration") s.remove(at(node.start), at(node.end));
    else if (node.type === "ExportNamedDeclaration") {
      if (node.declaration && !node.source) s.remove(at(node.start), at(node.declaration.start));
      else s.remove(at(node.start), at(node.end));
    } else if (node.type === "ExportDefaultDeclaration") {
      const d = node.declaration;
      const isDecl = d.type === "FunctionDeclaration" || d.type === "ClassDeclaration";
      if (isDecl && d.id) s.remove(at(node.start), at(d.start));
      else {
        s.overwrite(at(node.start), at(d.start), `const ${DEFAULT_LOCAL} = `);
        if (isDecl) s.appendLeft(at(d.end), ";");
      }
    }
  }

  walk.full(parsed.program, (n) => {
    if (n.type !== "CatchClause") return;
    const c = n as acorn.CatchClause;
    const inside = at(c.body.start + 1);
    if (!c.param) {
      s.appendLeft(at(c.body.start), "(__pc_e) ");
      s.appendLeft(inside, " __pc.rethrow(__pc_e);");
    } else if (c.param.type === "Identifier") {
      s.appendLeft(inside, ` __pc.rethrow(${c.param.name});`);
    } else {
      // A destructuring parameter would run user getters before the rethrow: bind the value first.
      const pattern = parsed.code.slice(c.param.start, c.param.end);
      s.overwrite(at(c.param.start), at(c.param.end), "__pc_e");
      s.appendLeft(inside, ` __pc.rethrow(__pc_e); let ${pattern} = __pc_e;`);
    }
  });

  const schemas = precompileFileSchemas(parsed, s, precompileSchemas);
  return { s, schemas };
}
