// One pass over a module's AST: parent links, how often each name is declared anywhere in the file, and the
// `const` bindings. A `const` is trusted as a schema only when its name is declared exactly once in the file and
// the reference lies inside the declaring block: then the reference means that binding (or throws, identically,
// in its TDZ), whatever the nesting.
import type * as acorn from "acorn";

export interface AstIndex {
  parents: Map<acorn.Node, acorn.Node>;
  /** Every node in source order (pre-order). */
  nodes: acorn.Node[];
  declarations: Map<string, number>;
  /** `const name = init` declarations, with the block (or program) the binding is visible in. */
  consts: Map<string, { init: acorn.Expression; scope: acorn.Node }>;
}

function isNode(x: unknown): x is acorn.Node {
  return typeof x === "object" && x !== null && typeof (x as { type?: unknown }).type === "string";
}

function patternNames(p: acorn.Node | null | undefined, out: string[]): void {
  if (!p) return;
  switch (p.type) {
    case "Identifier": out.push((p as acorn.Identifier).name); break;
    case "ObjectPattern":
      for (const prop of (p as acorn.ObjectPattern).properties) patternNames(prop.type === "Property" ? prop.value : prop, out);
      break;
    case "ArrayPattern": for (const el of (p as acorn.ArrayPattern).elements) patternNames(el, out); break;
    case "RestElement": patternNames((p as acorn.RestElement).argument, out); break;
    case "AssignmentPattern": patternNames((p as acorn.AssignmentPattern).left, out); break;
  }
}

/** Names a node binds in some scope (declarations, parameters, catch parameters, imports, class names). */
function boundNames(n: acorn.Node): string[] {
  const out: string[] = [];
  switch (n.type) {
    case "VariableDeclarator": patternNames((n as acorn.VariableDeclarator).id, out); break;
    case "FunctionDeclaration": case "FunctionExpression": case "ArrowFunctionExpression": {
      const f = n as acorn.Function;
      if (f.id) out.push(f.id.name);
      for (const p of f.params) patternNames(p, out);
      break;
    }
    case "ClassDeclaration": case "ClassExpression": {
      const c = n as acorn.Class;
      if (c.id) out.push(c.id.name);
      break;
    }
    case "CatchClause": patternNames((n as acorn.CatchClause).param, out); break;
    case "ImportSpecifier": case "ImportDefaultSpecifier": case "ImportNamespaceSpecifier":
      out.push((n as acorn.ImportSpecifier).local.name);
      break;
  }
  return out;
}

const SCOPES = new Set(["Program", "BlockStatement", "StaticBlock", "SwitchCase"]);

function recordConst(decl: acorn.VariableDeclaration, parents: Map<acorn.Node, acorn.Node>, index: AstIndex): void {
  let scope = parents.get(decl);
  if (scope?.type === "ExportNamedDeclaration") scope = parents.get(scope);
  if (decl.kind !== "const" || !scope || !SCOPES.has(scope.type)) return;
  if (scope.type === "SwitchCase") scope = parents.get(scope); // a case clause shares the switch's block
  for (const d of decl.declarations) {
    if (d.id.type === "Identifier" && d.init && scope) index.consts.set(d.id.name, { init: d.init, scope });
  }
}

export function indexAst(program: acorn.Program): AstIndex {
  const index: AstIndex = { parents: new Map(), nodes: [], declarations: new Map(), consts: new Map() };
  const stack: acorn.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    index.nodes.push(node);
    for (const name of boundNames(node)) index.declarations.set(name, (index.declarations.get(name) ?? 0) + 1);
    const children: acorn.Node[] = [];
    for (const key of Object.keys(node)) {
      const v = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(v)) for (const c of v) { if (isNode(c)) children.push(c); }
      else if (isNode(v)) children.push(v);
    }
    for (let i = children.length - 1; i >= 0; i--) {
      index.parents.set(children[i], node);
      stack.push(children[i]);
    }
  }
  for (const n of index.nodes) if (n.type === "VariableDeclaration") recordConst(n as acorn.VariableDeclaration, index.parents, index);
  return index;
}
