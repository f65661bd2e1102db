// Helpers that generated render code needs besides the template library: loop normalisation and component
// argument scopes (SPEC §3.2.3 @foreach, §3.9.1). No Node imports: this ships inside dist.

const EMPTY: string[] = [];

/** null for arrays (iterate by index); own keys for plain objects; no iterations for anything else. */
export function loopKeys(v: unknown): string[] | null {
  if (Array.isArray(v)) return null;
  if (typeof v === "object" && v !== null) {
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) return Object.keys(v);
  }
  return EMPTY;
}

export interface ScopeRuntime { warn(text: string): void }

/** A component's initial local scope: a null-prototype shallow copy of a plain-object argument. */
export function componentScope(arg: unknown, rt: ScopeRuntime): Record<string, unknown> {
  const scope: Record<string, unknown> = Object.create(null);
  if (arg === undefined) return scope;
  if (typeof arg === "object" && arg !== null && !Array.isArray(arg)) {
    for (const k of Object.keys(arg)) scope[k] = (arg as Record<string, unknown>)[k];
    return scope;
  }
  rt.warn("component arguments must be an object; the component renders with an empty scope");
  return scope;
}
