// Build-time pass over one backend-script module (SPEC §8.7): counts static and dynamic schema expressions,
// wraps each maximal static one as `__pc.schema(<original>, <specialised validate>)`, and reports PC3031/PC3033.
import type * as acorn from "acorn";
import type MagicString from "magic-string";
import { specOf } from "../prelude/schema/index.js";
import { indexAst } from "./ast-index.js";
import { chainSteps, findChains } from "./chains.js";
import { generateValidatorSource } from "./codegen.js";
import { diagnoseChain, type SchemaDiagnostic } from "./diagnose.js";
import { StaticEvaluator } from "./evaluate.js";

export interface PrecompileOptions {
  /** Position of `code` inside `s`: MagicString offsets are code offsets plus this. */
  offset: number;
  /** False for `--no-precompile-schemas`: nothing is rewritten and every schema counts as dynamic. */
  enabled: boolean;
}

export interface PrecompileResult {
  precompiled: number;
  dynamic: number;
  diagnostics: SchemaDiagnostic[];
}

export function precompileSchemas(program: acorn.Program, code: string, s: MagicString, opts: PrecompileOptions): PrecompileResult {
  const index = indexAst(program);
  const chains = findChains(index);
  const evaluator = new StaticEvaluator(index);
  const diagnostics: SchemaDiagnostic[] = [];
  const isStatic = new Set<acorn.Node>();
  for (const chain of chains) {
    diagnostics.push(...diagnoseChain(chainSteps(chain)!));
    if (evaluator.evaluate(chain) !== undefined) isStatic.add(chain);
  }
  let precompiled = 0;
  for (const chain of chains) {
    if (!opts.enabled || !isStatic.has(chain) || insideStatic(chain, index.parents, isStatic)) continue;
    const spec = specOf(evaluator.evaluate(chain));
    const src = spec && generateValidatorSource(spec);
    if (!src) continue;
    // Insertions, not an overwrite: other passes' edits inside the expression and its mappings survive.
    s.appendRight(chain.start + opts.offset, "__pc.schema(");
    s.prependLeft(chain.end + opts.offset, ", " + src + ")");
    precompiled++;
  }
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  void code;
  return { precompiled, dynamic: chains.length - precompiled - nestedStatic(chains, index.parents, isStatic), diagnostics };
}

function insideStatic(node: acorn.Node, parents: Map<acorn.Node, acorn.Node>, isStatic: Set<acorn.Node>): boolean {
  for (let p = parents.get(node); p; p = parents.get(p)) if (isStatic.has(p)) return true;
  return false;
}

/** Static expressions nested in a larger static one: part of that one, so counted neither way. */
function nestedStatic(chains: acorn.Node[], parents: Map<acorn.Node, acorn.Node>, isStatic: Set<acorn.Node>): number {
  return chains.filter((c) => isStatic.has(c) && insideStatic(c, parents, isStatic)).length;
}
