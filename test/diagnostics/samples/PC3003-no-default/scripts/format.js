export function cents(n) { return n / 100; }
