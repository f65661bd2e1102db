// Entry point of the expression parser: text (at file offset `base`) → syntax tree plus findings.
// Also recognises the platform's `var.x=Fallback text` shorthand, which pagec rejects with a fix (SPEC §3.5).
import type { Expr } from "./ast.js";
import { tokenize } from "./lex.js";
import { Parser, Stop } from "./parser.js";
import { syntaxMessage, type ExprError } from "./errors.js";

export interface ParseResult { expr: Expr | null; errors: ExprError[] }

export interface ParseOptions {
  /** The enclosing tag (`{{ … }}`, `<< … >>`): the range for an empty expression and for the shorthand fix. */
  tag?: { start: number; end: number; open: string; close: string };
}

/**
 * Parses one expression. `expr` is null exactly when there is a syntax error (PC1020, only the first one is
 * reported). Other findings (PC1021, PC2006) come with a tree; callers must not run code for any finding.
 */
export function parseExpression(text: string, base: number, options: ParseOptions = {}): ParseResult {
  const shorthand = platformShorthand(text, base, options);
  if (shorthand) return { expr: null, errors: [shorthand] };
  const tokens = tokenize(text, base);
  if (tokens[0].type === "eof") {
    const where = options.tag ?? { start: base, end: base + text.length };
    return { expr: null, errors: [{ code: "PC1020", message: syntaxMessage("unexpected end of expression"), start: where.start, end: where.end }] };
  }
  const parser = new Parser(tokens, text, base);
  try {
    return { expr: parser.parseAll(), errors: parser.errors };
  } catch (e) {
    if (e instanceof Stop) return { expr: null, errors: [...parser.errors, e.error] };
    throw e;
  }
}

// `path=rest` with a single `=` (not `==`); the path is a plain dotted name, as the platform writes it.
const SHORTHAND = /^\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*=(?!=)([^]*)$/;
const STRING_LITERAL = /^(?:'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")$/;

function platformShorthand(text: string, base: number, options: ParseOptions): ExprError | null {
  const m = SHORTHAND.exec(text);
  if (!m) return null;
  const eq = text.indexOf("=", text.indexOf(m[1]) + m[1].length);
  const path = m[1].replace(/\s+/g, "");
  const rest = m[2].trim();
  const fallback = STRING_LITERAL.test(rest) ? rest : `'${rest.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  const fixed = `${path} | default:${fallback}`;
  const tag = options.tag;
  const contentStart = base + (text.length - text.trimStart().length);
  const contentEnd = base + text.trimEnd().length;
  const suggestion = tag
    ? { title: `replace with \`${tag.open} ${fixed} ${tag.close}\``, edits: [{ start: tag.start, end: tag.end, newText: `${tag.open} ${fixed} ${tag.close}` }] }
    : { title: `replace with \`${fixed}\``, edits: [{ start: contentStart, end: contentEnd, newText: fixed }] };
  return { code: "PC1020", message: syntaxMessage('unexpected character "="'), start: base + eq, end: base + eq + 1, suggestions: [suggestion] };
}
