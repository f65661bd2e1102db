// Directive recognition after an `@` (SPEC §3.2.1): the e-mail rule, paren and bare directives, and the
// PC1014/PC1015/PC1016/PC1017 warnings for names that look like directives but are output as text.
import type { FileReporter } from "../diagnostics/diagnostic.js";
import { closest } from "../diagnostics/closest.js";
import { DelimiterSearch, isSpaceTab } from "./text-utils.js";

export const PAREN_DIRECTIVES = ["if", "elseif", "foreach", "set", "component", "extends", "block", "yield", "setSessionItem", "clearSessionItem"];
export const BARE_DIRECTIVES = ["else", "endif", "endforeach", "endblock", "verbatim", "endverbatim"];
const PAREN = new Set(PAREN_DIRECTIVES);
const BARE = new Set(BARE_DIRECTIVES);
const CSS_AT_RULES = new Set(["media", "supports", "container", "layer", "keyframes", "font-face", "import", "charset", "page", "namespace", "property", "counter-style", "font-feature-values", "document", "viewport", "scope", "starting-style"]);

export type Recognized =
  /** Literal text up to `end` (the `@` and possibly a name). */
  | { kind: "literal"; end: number }
  | { kind: "paren"; name: string; nameEnd: number; open: number; close: number; end: number }
  | { kind: "bare"; name: string; nameEnd: number; end: number };

const NAME_RE = /[A-Za-z][A-Za-z0-9_-]*/y;
const DOMAIN_RE = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/y;
const LOCAL_CHAR_RE = /[A-Za-z0-9._%+-]/;
const QUIET_BEFORE_RE = /[A-Za-z0-9_.@]/;

/** Reads the directive name after the `@` at `at`, or null. */
export function readName(text: string, at: number): string | null {
  NAME_RE.lastIndex = at + 1;
  const m = NAME_RE.exec(text);
  return m ? m[0] : null;
}

function isEmail(text: string, at: number): boolean {
  if (at === 0 || !LOCAL_CHAR_RE.test(text[at - 1])) return false;
  DOMAIN_RE.lastIndex = at + 1;
  return DOMAIN_RE.test(text);
}

/**
 * Recognises the `@` at `at`. `onlyEndVerbatim` is set inside @verbatim, where only `@endverbatim` counts.
 * Unknown names are reported (unless `quiet`) and returned as literal text.
 */
export function recognizeDirective(text: string, at: number, delims: DelimiterSearch, rep: FileReporter, onlyEndVerbatim: boolean): Recognized {
  if (isEmail(text, at)) return { kind: "literal", end: at + 1 };
  const name = readName(text, at);
  if (name === null) return { kind: "literal", end: at + 1 };
  const nameEnd = at + 1 + name.length;
  const prev = at > 0 ? text[at - 1] : "";
  if (onlyEndVerbatim) {
    return name === "endverbatim" && prev !== "@" ? { kind: "bare", name, nameEnd, end: nameEnd } : { kind: "literal", end: nameEnd };
  }
  let j = nameEnd;
  while (j < text.length && isSpaceTab(text.charCodeAt(j))) j++;
  const paren = text.charCodeAt(j) === 40;
  if (PAREN.has(name) && prev !== "@" && paren) {
    const close = delims.find(j + 1, ")");
    if (close < 0) {
      rep.report({ code: "PC1017", message: `the argument list of \`@${name}\` is never closed`, start: at, end: j + 1 });
      return { kind: "literal", end: nameEnd };
    }
    return { kind: "paren", name, nameEnd, open: j, close, end: close + 1 };
  }
  if (BARE.has(name) && prev !== "@") return { kind: "bare", name, nameEnd, end: nameEnd };
  if (!QUIET_BEFORE_RE.test(prev) && !CSS_AT_RULES.has(name.toLowerCase())) {
    if (PAREN.has(name) && !paren) {
      rep.report({ code: "PC1016", message: `\`@${name}\` needs an argument list \`@${name}(…)\`; it is output as text`, start: at, end: nameEnd });
    } else if (paren) {
      const best = closest(name, PAREN_DIRECTIVES);
      rep.report({
        code: "PC1014", message: `unknown directive \`@${name}(\`; it is output as text`, start: at, end: nameEnd,
        suggestions: best ? [{ title: `replace with \`@${best}\``, edits: [{ start: at, end: nameEnd, newText: `@${best}` }] }] : [],
      });
    } else if (name.startsWith("end")) {
      const best = closest(name, BARE_DIRECTIVES);
      rep.report({
        code: "PC1015", message: `unknown directive \`@${name}\`; it is output as text`, start: at, end: nameEnd,
        suggestions: best ? [{ title: `replace with \`@${best}\``, edits: [{ start: at, end: nameEnd, newText: `@${best}` }] }] : [],
      });
    }
  }
  return { kind: "literal", end: nameEnd };
}
