// Star height of a regular-expression pattern, for warning PC3033 (SPEC §5.2): a group repeated by an
// unbounded quantifier (`*`, `+`, `{n,}`) that itself contains an unbounded quantifier has height 2.
// Bounded repeats such as `{3}` or `{1,3}` and `?` do not count: they cannot cause exponential backtracking.

interface Quantifier { length: number; unbounded: boolean }

/** The quantifier starting at `i` (including a lazy `?` suffix), or undefined. */
function quantifierAt(p: string, i: number): Quantifier | undefined {
  const c = p[i];
  let q: Quantifier | undefined;
  if (c === "*" || c === "+") q = { length: 1, unbounded: true };
  else if (c === "?") q = { length: 1, unbounded: false };
  else if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 40));
    if (m) q = { length: m[0].length, unbounded: m[2] !== undefined && m[3] === "" };
  }
  if (q && p[i + q.length] === "?") q.length++;
  return q;
}

/** Index just after the escape sequence starting at `i` (a backslash). */
function skipEscape(p: string, i: number): number {
  const c = p[i + 1];
  if ((c === "u" || c === "p" || c === "P" || c === "k") && (p[i + 2] === "{" || p[i + 2] === "<")) {
    const close = p.indexOf(p[i + 2] === "{" ? "}" : ">", i + 3);
    return close < 0 ? p.length : close + 1;
  }
  return i + 2;
}

/** Index just after the character class starting at `i` (nested classes of the `v` flag included). */
function skipClass(p: string, i: number): number {
  let depth = 0;
  for (let j = i; j < p.length; j++) {
    if (p[j] === "\\") j++;
    else if (p[j] === "[") depth++;
    else if (p[j] === "]" && --depth === 0) return j + 1;
  }
  return p.length;
}

/** Index just after a group's opening `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` or `(?<name>`. */
function skipGroupOpen(p: string, i: number): number {
  if (p[i + 1] !== "?") return i + 1;
  if (p[i + 2] === "<" && p[i + 3] !== "=" && p[i + 3] !== "!") {
    const close = p.indexOf(">", i + 3);
    return close < 0 ? p.length : close + 1;
  }
  return p[i + 2] === "<" ? i + 4 : i + 3;
}

export function starHeight(pattern: string): number {
  const stack: number[] = [0];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    let atom: number | undefined;
    if (c === "(") {
      stack.push(0);
      i = skipGroupOpen(pattern, i);
      continue;
    }
    if (c === "|" || c === "^" || c === "$") {
      i++;
      continue;
    }
    if (c === ")") {
      atom = stack.length > 1 ? stack.pop()! : 0;
      i++;
    } else if (c === "\\") {
      atom = 0;
      i = skipEscape(pattern, i);
    } else if (c === "[") {
      atom = 0;
      i = skipClass(pattern, i);
    } else {
      const q = quantifierAt(pattern, i);
      i += q ? q.length : 1; // a quantifier with nothing to repeat is a syntax error acorn already rejected
      if (q) continue;
      atom = 0;
    }
    const q = quantifierAt(pattern, i);
    if (q) {
      i += q.length;
      if (q.unbounded) atom++;
    }
    stack[stack.length - 1] = Math.max(stack[stack.length - 1], atom);
  }
  return Math.max(...stack);
}
