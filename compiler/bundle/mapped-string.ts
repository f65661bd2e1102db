// A view of a file's MagicString that takes offsets in a unit's joined code instead of file offsets, so code
// that rewrites an AST (the schema precompiler) can edit a multi-block unit without knowing about its blocks.
import type MagicString from "magic-string";

/** Methods whose leading numeric arguments are positions. */
const POSITIONAL = new Set(["overwrite", "update", "remove", "slice", "appendLeft", "appendRight", "prependLeft", "prependRight", "move", "snip", "reset"]);

export function codeOffsetView(s: MagicString, toFileOffset: (codeOffset: number) => number): MagicString {
  const view: MagicString = new Proxy(s, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || !POSITIONAL.has(prop) || typeof value !== "function") {
        return typeof value === "function" ? value.bind(target) : value;
      }
      return (...args: unknown[]) => {
        const mapped = args.map((a, i) => (i < 3 && typeof a === "number" ? toFileOffset(a) : a));
        const result = (value as (...a: unknown[]) => unknown).apply(target, mapped);
        return result === target ? view : result;
      };
    },
  });
  return view;
}
