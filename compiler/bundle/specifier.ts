// Module specifier resolution (SPEC §4.2) and the module-code segment rules (SPEC §2.2).
// Only codes made of literal segments resolve, so nothing can reach outside the site's scripts/ folder.

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

/** The specifier with a trailing `.js` and every leading `./` and `../` removed (not yet validated). */
export function stripSpecifier(spec: string): string {
  let s = spec.endsWith(".js") ? spec.slice(0, -3) : spec;
  for (;;) {
    if (s.startsWith("./")) s = s.slice(2);
    else if (s.startsWith("../")) s = s.slice(3);
    else return s;
  }
}

/** True when `code` is a valid module code: `/`-separated literal segments, no placeholders. */
export function isModuleCode(code: string): boolean {
  return code.length > 0 && code.split("/").every((seg) => SEGMENT.test(seg));
}

/** "./validators.js" → "validators"; `null` when what remains is not a valid module code ("https://…", "/abs", "a/../b"). */
export function resolveSpecifier(spec: string): string | null {
  const code = stripSpecifier(spec);
  return isModuleCode(code) ? code : null;
}

/** The site-relative path of a module code. */
export function moduleFile(code: string): string {
  return `scripts/${code}.js`;
}
