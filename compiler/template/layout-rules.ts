// Layout structure checks of SPEC §3.9.2 that need the finished tree: duplicate block names (PC1042), and in a
// child page (one with @extends) nested blocks (PC1042) and ignored content outside blocks (PC1041).
import type { FileReporter } from "../diagnostics/diagnostic.js";
import type { BlockNode, Node, Span } from "./ast.js";

export function checkLayout(text: string, nodes: Node[], isChild: boolean, blockDirective: Map<BlockNode, Span>, rep: FileReporter): void {
  const names = new Set<string>();
  // Walked with an explicit stack (in document order) so deep nesting cannot overflow the call stack.
  const stack: Array<{ list: Node[]; i: number; inBlock: boolean }> = [{ list: nodes, i: 0, inBlock: false }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.list.length) { stack.pop(); continue; }
    const n = top.list[top.i++];
    if (n.kind === "block") {
      const dir = blockDirective.get(n) ?? n.span;
      if (isChild && top.inBlock) rep.report({ code: "PC1042", message: "blocks cannot be nested in a page that uses `@extends`", start: dir.start, end: dir.end });
      if (n.name !== "") {
        if (names.has(n.name)) rep.report({ code: "PC1042", message: `block \`${n.name}\` is defined twice in this file`, start: dir.start, end: dir.end });
        names.add(n.name);
      }
      stack.push({ list: n.body, i: 0, inBlock: true });
    } else if (n.kind === "if") {
      for (let b = n.branches.length - 1; b >= 0; b--) stack.push({ list: n.branches[b].body, i: 0, inBlock: top.inBlock });
    } else if (n.kind === "foreach") stack.push({ list: n.body, i: 0, inBlock: top.inBlock });
  }
  if (isChild) reportIgnoredContent(text, nodes, rep);
}

/** PC1041 once per run of top-level non-block content that is not just whitespace. */
function reportIgnoredContent(text: string, nodes: Node[], rep: FileReporter): void {
  let runStart = -1, runEnd = -1;
  const flush = () => {
    if (runStart < 0) return;
    let end = runStart;
    while (end < runEnd && text[end] !== "\n" && text[end] !== "\r") end++;
    rep.report({ code: "PC1041", message: "content outside `@block` is ignored in a page that uses `@extends`", start: runStart, end });
    runStart = -1;
  };
  for (const n of nodes) {
    if (n.kind === "block") { flush(); continue; }
    if (n.kind === "text") {
      const m = /\S/.exec(n.value);
      if (!m) continue;
      // Find the first non-whitespace source character of the node (values are the source minus deletions).
      let s = n.span.start;
      while (s < n.span.end && /\s/.test(text[s])) s++;
      if (runStart < 0) runStart = s;
      runEnd = n.span.end;
      continue;
    }
    if (runStart < 0) runStart = n.span.start;
    runEnd = n.span.end;
  }
  flush();
}
