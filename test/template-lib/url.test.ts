// The URL-attribute check (SPEC §3.5): dangerous schemes are blocked however they are disguised.
import { describe, expect, it } from "vitest";
import { safeUrl, decodeCharRefs, urlScheme, BLOCKED_URL } from "../../compiler/prelude/template-lib/index.js";

describe("safeUrl blocks", () => {
  it.each([
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "\x01javascript:alert(1)", " javascript:alert(1)",
    "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:x", "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)", "&#X6a;avascript:x", "&#106avascript:x", "&#0000106;avascript:x",
    "javascript&colon;alert(1)", "javascript&#58;x", "java&Tab;script:x", "java&NewLine;script:x",
    "&#9;javascript:x", "\u0000\u0020\u001fjavascript:x", "data:text/html,x", "vbscript:x",
    "file:///etc/passwd", "&amp;x:y/", ":nothing", "javascript:/x", "java script:x", "&#x110000;:x",
  ])("%j", (url) => {
    expect(safeUrl(url)).toBe(BLOCKED_URL);
  });
});

describe("safeUrl allows", () => {
  it.each([
    "/path", "https://a.b/c?x=1:2", "http://a.b", "HTTPS://A.B", "mailto:a@b.c", "tel:+1", "/a:b", "?q=a:b",
    "#frag:x", "page", "", "./x:y", "  https://a.b", "a&amp;b/c:d", "a/b:c", "https://a.b/&#x6A;avascript:x",
    "\uD800/x:y",
  ])("%j unchanged", (url) => {
    expect(safeUrl(url)).toBe(url);
  });
});

describe("helpers", () => {
  it("decodes character references", () => {
    expect(decodeCharRefs("a&amp;b&lt;&gt;&quot;&apos;&colon;&tab;&newline;")).toBe("a&b<>\"':\t\n");
    expect(decodeCharRefs("&#65;&#x42;&#67")).toBe("ABC");
    expect(decodeCharRefs("&unknown; & &#; &#x;")).toBe("&unknown; & &#; &#x;");
    expect(decodeCharRefs("&#0;&#xD800;")).toBe("\uFFFD\uFFFD");
    expect(decodeCharRefs("&#128512;")).toBe("😀");
  });
  it("finds the scheme", () => {
    expect(urlScheme("HTTP://x")).toBe("http");
    expect(urlScheme("/a:b")).toBe(undefined);
    expect(urlScheme("no-colon")).toBe(undefined);
  });
});
