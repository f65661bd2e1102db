// The redirect URL rule (SPEC §4.4.2), tested directly on the checker: the spec's examples, a table of edge
// cases, and a differential check that nothing accepted here is rejected by Node's WHATWG URL parser.
import { describe, expect, it } from "vitest";
import { isAllowedRedirectUrl } from "../../compiler/prelude/api/redirect-url.js";

const ALLOWED = [
  "/", "/a", "/a/b?c=d#e", "/a//b", "http://good.com", "https://good.com/", "HTTPS://Good.COM/x?y#z", "http://good.com:8080/p",
  "http://good.com:/p", "http://127.0.0.1/", "http://[::1]/", "http://[2001:db8::1]:443/x", "http://a.b.c.", "https://x.com?q", "https://x.com#f",
  "http://xn--bcher-kva.de/", "http://[::ffff:1.2.3.4]/", "http://1.2.3/", "http://0x7f.1/",
];
const REFUSED = [
  "", "javascript:alert(1)", "data:text/html,x", "https:evil.com", "//evil.com", "///evil.com", "/\\evil.com", "\\\\evil.com",
  "http://good.com@evil.com", "http://user:pw@evil.com/", "http://@evil.com", "http://", "http:///evil.com", "http://:80/",
  "http://evil.com:99999/", "http://evil.com:8a/", "/a b", "/a\tb", "/a\nb", "http://a b.com", "/x\u007f", "/x\u0000",
  "http://1.2.3.256/", "http://[::1/", "http://[:::1]/", "http://[1:2:3:4:5:6:7:8:9]/", "http://bücher.de/", "http://ev%69l.com/",
  "ftp://x.com", "mailto:a@b.c", "x", "?a", "#a", "http:\\\\evil.com", "http://evil.com\\@good.com",
];

describe("isAllowedRedirectUrl", () => {
  it.each(ALLOWED)("allows %j", (u) => expect(isAllowedRedirectUrl(u)).toBe(true));
  it.each(REFUSED)("refuses %j", (u) => expect(isAllowedRedirectUrl(u)).toBe(false));
  it("refuses non-strings", () => {
    for (const v of [null, undefined, 1, {}, ["/a"], { toString: () => "/a" }]) expect(isAllowedRedirectUrl(v)).toBe(false);
  });

  it("never accepts an absolute URL that the WHATWG parser rejects or reads with userinfo or without a host", () => {
    const pieces = ["http://", "https://", "HTTP://", "a", "b.", "1", "0x", "[", "]", ":", "::", "@", "%", "/", "?", "#", ".", "8", "255", "256", "-", "_", "~", "ü", "1.2.3.4", "[::1]", ":80", "x.y"];
    let checked = 0;
    for (const a of pieces.slice(0, 3)) for (const b of pieces) for (const c of pieces) for (const d of pieces) {
      const u = a + b + c + d;
      if (!isAllowedRedirectUrl(u)) continue;
      checked++;
      const parsed = new URL(u);
      expect([u, parsed.hostname !== "" && parsed.username === "" && parsed.password === ""]).toEqual([u, true]);
    }
    expect(checked).toBeGreaterThan(500);
  });
});
