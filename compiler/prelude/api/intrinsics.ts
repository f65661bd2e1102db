// Built-ins captured when the prelude loads, before any user code runs, so that a script that replaces
// JSON.stringify, Reflect.apply or Object.freeze cannot change what the prelude sends to the host.
export const jsonStringify = JSON.stringify;
export const jsonParse = JSON.parse;
export const reflectApply = Reflect.apply;
export const defineProperty = Object.defineProperty;
export const freeze = Object.freeze;
export const isFrozen = Object.isFrozen;
export const setPrototypeOf = Object.setPrototypeOf;
export const getOwnPropertyNames = Object.getOwnPropertyNames;
export const objectKeys = Object.keys;
export const isArray = Array.isArray;
export const toStr = String;
export const isInteger = Number.isInteger;
export const isFinite = Number.isFinite;
export const mathFloor = Math.floor;
export const mathTrunc = Math.trunc;
export const PromiseCtor = Promise;
const promiseResolveFn = Promise.resolve;
const promiseThen = Promise.prototype.then;
/** promise.then(a, b) through the captured method (a script may patch Promise.prototype.then). */
export function thenOf<T>(p: Promise<T>, onOk: (v: T) => void, onErr: (e: unknown) => void): void {
  reflectApply(promiseThen, p, [onOk, onErr]);
}
/** Promise.resolve through the captured constructor (a script may replace the Promise global). */
export function resolved<T>(v: T): Promise<T> {
  return reflectApply(promiseResolveFn, PromiseCtor, [v]) as Promise<T>;
}
const hasOwnProperty = Object.prototype.hasOwnProperty;
const regexpTest = RegExp.prototype.test;
const encodeURIComp = encodeURIComponent;

/** Own-property test that a user-defined `hasOwnProperty` cannot fool. */
export function hasOwn(obj: object, key: PropertyKey): boolean {
  return reflectApply(hasOwnProperty, obj, [key]) as boolean;
}

/** RegExp test through the captured method (a user may patch RegExp.prototype.test). */
export function test(re: RegExp, s: string): boolean {
  return reflectApply(regexpTest, re, [s]) as boolean;
}

/** A null-prototype copy of an object literal: internal records never inherit user-patched accessors. */
export function nullObj<T extends object>(literal: T): T {
  return setPrototypeOf(literal, null) as T;
}

/** An empty null-prototype map for untrusted keys (SPEC §8.5). */
export function nullMap<V>(): Record<string, V> {
  return setPrototypeOf({}, null) as Record<string, V>;
}

/**
 * Defines an own data property without [[Set]]: a setter a script put on Object.prototype or Array.prototype
 * (say for "0" or "email") never sees the prelude's objects. The descriptor itself has no prototype.
 */
export function put(obj: object, key: PropertyKey, value: unknown): void {
  defineProperty(obj, key, setPrototypeOf({ value, writable: true, enumerable: true, configurable: true }, null) as PropertyDescriptor);
}

/** Appends to an array with `put` (Array.prototype.push would go through [[Set]]). */
export function append<T>(arr: T[], value: T): void {
  put(arr, arr.length, value);
}

/** UTF-8 byte length of a string (lone surrogates count as the 3 bytes of U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n += 4; i++; } else n += 3;
    } else n += 3;
  }
  return n;
}

/** encodeURIComponent, or null when the text holds a lone surrogate. */
export function encodeComponent(s: string): string | null {
  try {
    return encodeURIComp(s);
  } catch {
    return null;
  }
}
