// Declared-in-scope analysis of one unit or module (SPEC §4.6): every identifier reference is resolved against
// the scopes that declare it (imports, var/let/const, functions, classes, params, catch params). References are
// resolved after the walk, so hoisting needs no second pass. The result is the set of free references.
import type * as acorn from "acorn";
import { forEachChild, type AnyNode } from "./ast-util.js";

class Scope {
  readonly names = new Set<string>();
  constructor(readonly parent: Scope | null, readonly isFunction: boolean) {}
  functionScope(): Scope {
    let s: Scope = this;
    while (!s.isFunction && s.parent) s = s.parent;
    return s;
  }
  has(name: string): boolean {
    for (let s: Scope | null = this; s; s = s.parent) if (s.names.has(name)) return true;
    return false;
  }
}

export interface FreeReference { id: acorn.Identifier; /** the operand of `typeof` */ typeofOperand: boolean }
export interface FreeNames {
  /** Free references in source order. */
  references: FreeReference[];
  /** The same identifiers as a set, to ask "is this callee the global?". */
  free: Set<acorn.Identifier>;
}

type Pending = { id: acorn.Identifier; scope: Scope; typeofOperand: boolean };

export function freeNames(program: acorn.Program): FreeNames {
  const pending: Pending[] = [];
  const ref = (id: acorn.Identifier, scope: Scope, typeofOperand = false) => pending.push({ id, scope, typeofOperand });

  const declarePattern = (p: AnyNode, target: Scope, scope: Scope): void => {
    switch (p.type) {
      case "Identifier": target.names.add(p.name); break;
      case "ObjectPattern":
        for (const prop of p.properties) {
          if (prop.type === "RestElement") declarePattern(prop.argument, target, scope);
          else { if (prop.computed) expr(prop.key, scope); declarePattern(prop.value, target, scope); }
        }
        break;
      case "ArrayPattern": for (const el of p.elements) if (el) declarePattern(el, target, scope); break;
      case "RestElement": declarePattern(p.argument, target, scope); break;
      case "AssignmentPattern": declarePattern(p.left, target, scope); expr(p.right, scope); break;
      default: expr(p, scope);
    }
  };

  /** Assignment targets: identifiers in them are references, not declarations. */
  const target = (p: AnyNode, scope: Scope): void => {
    switch (p.type) {
      case "Identifier": ref(p, scope); break;
      case "ObjectPattern":
        for (const prop of p.properties) {
          if (prop.type === "RestElement") target(prop.argument, scope);
          else { if (prop.computed) expr(prop.key, scope); target(prop.value, scope); }
        }
        break;
      case "ArrayPattern": for (const el of p.elements) if (el) target(el, scope); break;
      case "RestElement": target(p.argument, scope); break;
      case "AssignmentPattern": target(p.left, scope); expr(p.right, scope); break;
      default: expr(p, scope);
    }
  };

  const fn = (f: acorn.Function, scope: Scope): void => {
    let outer = scope;
    if (f.type === "FunctionExpression" && f.id) { outer = new Scope(scope, false); outer.names.add(f.id.name); }
    const inner = new Scope(outer, true);
    if (f.type !== "ArrowFunctionExpression") inner.names.add("arguments");
    for (const p of f.params) declarePattern(p, inner, inner);
    if (f.body.type === "BlockStatement") for (const s of f.body.body) expr(s, inner);
    else expr(f.body, inner);
  };

  const klass = (c: acorn.Class, scope: Scope): void => {
    if (c.superClass) expr(c.superClass, scope);
    const inner = new Scope(scope, false);
    if (c.id) inner.names.add(c.id.name);
    for (const m of c.body.body) {
      if (m.type === "StaticBlock") { const s = new Scope(inner, true); for (const st of m.body) expr(st, s); continue; }
      if (m.computed) expr(m.key, inner);
      if (m.value) expr(m.value, inner);
    }
  };

  const declaration = (d: acorn.VariableDeclaration, scope: Scope): void => {
    const where = d.kind === "var" ? scope.functionScope() : scope;
    for (const v of d.declarations) { declarePattern(v.id, where, scope); if (v.init) expr(v.init, scope); }
  };

  function expr(n: AnyNode, scope: Scope): void {
    switch (n.type) {
      case "Identifier": ref(n, scope); return;
      case "Literal": case "TemplateElement": case "ThisExpression": case "Super": case "MetaProperty":
      case "PrivateIdentifier": case "BreakStatement": case "ContinueStatement": case "EmptyStatement":
      case "DebuggerStatement": case "ExportAllDeclaration":
        return;
      case "MemberExpression": expr(n.object, scope); if (n.computed) expr(n.property, scope); return;
      case "Property": if (n.computed) expr(n.key, scope); expr(n.value, scope); return;
      case "UnaryExpression":
        if (n.operator === "typeof" && n.argument.type === "Identifier") ref(n.argument, scope, true);
        else expr(n.argument, scope);
        return;
      case "AssignmentExpression": target(n.left, scope); expr(n.right, scope); return;
      case "UpdateExpression": target(n.argument, scope); return;
      case "LabeledStatement": expr(n.body, scope); return;
      case "VariableDeclaration": declaration(n, scope); return;
      case "FunctionDeclaration": if (n.id) scope.names.add(n.id.name); fn(n, scope); return;
      case "FunctionExpression": case "ArrowFunctionExpression": fn(n, scope); return;
      case "ClassDeclaration": if (n.id) scope.names.add(n.id.name); klass(n, scope); return;
      case "ClassExpression": klass(n, scope); return;
      case "ImportDeclaration":
        for (const s of n.specifiers) scope.names.add(s.local.name);
        return;
      case "ExportNamedDeclaration":
        if (n.declaration) expr(n.declaration, scope);
        else if (!n.source) for (const s of n.specifiers) if (s.local.type === "Identifier") ref(s.local, scope);
        return;
      case "ExportDefaultDeclaration": expr(n.declaration, scope); return;
      case "BlockStatement": case "StaticBlock": { const s = new Scope(scope, false); for (const st of n.body) expr(st, s); return; }
      case "ForStatement": case "ForInStatement": case "ForOfStatement": {
        const s = new Scope(scope, false);
        if (n.type === "ForStatement") {
          if (n.init) expr(n.init, s);
          if (n.test) expr(n.test, s);
          if (n.update) expr(n.update, s);
        } else {
          if (n.left.type === "VariableDeclaration") declaration(n.left, s); else target(n.left, s);
          expr(n.right, s);
        }
        expr(n.body, s);
        return;
      }
      case "SwitchStatement": {
        expr(n.discriminant, scope);
        const s = new Scope(scope, false);
        for (const c of n.cases) { if (c.test) expr(c.test, s); for (const st of c.consequent) expr(st, s); }
        return;
      }
      case "CatchClause": {
        const s = new Scope(scope, false);
        if (n.param) declarePattern(n.param, s, s);
        for (const st of n.body.body) expr(st, s);
        return;
      }
      default: forEachChild(n, (c) => expr(c, scope));
    }
  }

  const top = new Scope(null, true);
  for (const s of program.body) expr(s, top);

  const references: FreeReference[] = [];
  const free = new Set<acorn.Identifier>();
  for (const p of pending) {
    if (p.scope.has(p.id.name)) continue;
    references.push({ id: p.id, typeofOperand: p.typeofOperand });
    free.add(p.id);
  }
  references.sort((a, b) => a.id.start - b.id.start);
  return { references, free };
}
