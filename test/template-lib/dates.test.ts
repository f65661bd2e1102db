// date, date_add and timeago (SPEC §3.7): date values, tokens longest first, quoting, UTC, relative times.
import { describe, expect, it } from "vitest";
import { filters, timeagoAt, toTime, formatDate } from "../../compiler/prelude/template-lib/index.js";

const T = Date.UTC(2026, 9, 2, 9, 5, 7); // 2026-10-02T09:05:07Z, a Friday

describe("date values", () => {
  it.each<[string, unknown, number | undefined]>([
    ["Date", new Date(T), T], ["invalid Date", new Date(NaN), undefined], ["number ms", T, T], ["digit string", String(T), T],
    ["date only is midnight UTC", "2026-10-02", Date.UTC(2026, 9, 2)], ["no seconds", "2026-10-02T09:05", Date.UTC(2026, 9, 2, 9, 5)],
    ["Z", "2026-10-02T09:05:07Z", T], ["fraction", "2026-10-02T09:05:07.250Z", T + 250], ["offset", "2026-10-02T11:05:07+02:00", T],
    ["negative offset", "2026-10-02T04:05:07-05:00", T], ["no zone is UTC", "2026-10-02T09:05:07", T],
    ["year 0050 (not 1950)", "0050-01-01", new Date("0050-01-01T00:00:00Z").getTime()],
    ["Feb 30", "2026-02-30", undefined], ["month 13", "2026-13-01", undefined], ["hour 24", "2026-01-01T24:00", undefined],
    ["slashes", "2026/10/02", undefined], ["words", "next tuesday", undefined], ["surrounding space", " 2026-10-02", undefined],
    ["negative digits", "-5", undefined], ["NaN", NaN, undefined], ["too far", 9e15, undefined], ["null", null, undefined],
    ["boolean", true, undefined], ["object", {}, undefined], ["now", "now", 1234],
  ])("%s", (_label, v, expected) => {
    expect(toTime(v, 1234)).toBe(expected);
  });
});

describe("date", () => {
  it.each<[string, unknown, unknown[], unknown]>([
    ["spec", "2026-10-02T09:00:00Z", ["d MMM yyyy"], "2 Oct 2026"],
    ["default format", T, [], "Oct 2, 2026"],
    ["all tokens padded", T, ["yyyy-MM-dd HH:mm:ss"], "2026-10-02 09:05:07"],
    ["all tokens unpadded", T, ["yy M d H m s"], "26 10 2 9 5 7"],
    ["month names", T, ["MMMM MMM"], "October Oct"],
    ["12-hour", Date.UTC(2026, 0, 1, 0, 0), ["h hh"], "12 12"],
    ["12-hour afternoon", Date.UTC(2026, 0, 1, 15, 0), ["h:mm"], "3:00"],
    ["longest first: yyy", T, ["yyy"], "26y"], ["MMMMM", T, ["MMMMM"], "October10"],
    ["other letters copied", T, ["D YYYY"], "D YYYY"],
    ["quoted literal", T, ["'Today is' d"], "Today is 2"],
    ["quoted tokens", T, ["'yyyy MM' yyyy"], "yyyy MM 2026"],
    ["'' outside quotes", T, ["h''mm"], "9'05"],
    ["'' inside quotes", T, ["'o''clock' H"], "o'clock 9"],
    ["unclosed quote runs to the end", T, ["d 'at yyyy"], "2 at yyyy"],
    ["UTC, not local", "2026-10-02T23:30:00-05:00", ["yyyy-MM-dd HH:mm"], "2026-10-03 04:30"],
    ["Date from date_add", new Date(T), ["d"], "2"],
    ["not a date: unchanged", "soon", [], "soon"], ["undefined: unchanged", undefined, [], undefined],
    ["empty string: unchanged", "", [], ""], ["non-string format uses default", T, [5], "Oct 2, 2026"],
  ])("%s", (_label, v, args, expected) => {
    expect(filters.date(v, ...args)).toBe(expected);
  });

  it("formats years below 1000 with four digits", () => {
    expect(formatDate(new Date("0050-03-04T00:00:00Z").getTime(), "yyyy yy")).toBe("0050 50");
  });
});

describe("date_add", () => {
  it.each<[string, unknown, unknown, string]>([
    ["spec: across months", "2026-01-30", 3, "2026-02-02"], ["across years", "2025-12-31", 1, "2026-01-01"],
    ["leap day", "2028-02-28", 1, "2028-02-29"], ["negative", "2026-03-01", -1, "2026-02-28"],
    ["numeric string N", "2026-01-30", "3", "2026-02-02"], ["from a number", Date.UTC(2026, 0, 1), 31, "2026-02-01"],
  ])("%s", (_label, v, n, expected) => {
    const d = filters.date_add(v, n);
    expect(d).toBeInstanceOf(Date);
    expect(filters.date(d, "yyyy-MM-dd")).toBe(expected);
  });
  it.each<[string, unknown, unknown]>([
    ["not a date", "someday", 1], ["N not numeric", "2026-01-01", "x"], ["N undefined", "2026-01-01", undefined],
    ["out of range", 8.64e15, 1], ["undefined", undefined, 1],
  ])("unchanged: %s", (_label, v, n) => {
    expect(filters.date_add(v, n)).toBe(v);
  });
});

describe("timeago", () => {
  const now = Date.UTC(2026, 5, 15, 12, 0, 0);
  const s = 1000;
  it.each<[string, unknown, string]>([
    ["spec: 3 days earlier", now - 3 * 86400 * s, "3 days ago"], ["just now (past)", now - 59 * s, "just now"],
    ["just now (future)", now + 30 * s, "just now"], ["same time", now, "just now"],
    ["rounding to 60 s", now - 59.6 * s, "1 minute ago"], ["1 minute ago", now - 60 * s, "1 minute ago"],
    ["in 2 minutes", now + 150 * s, "in 2 minutes"], ["59 minutes", now - 3599 * s, "59 minutes ago"],
    ["1 hour ago", now - 3600 * s, "1 hour ago"], ["in 3 hours", now + 3 * 3600 * s, "in 3 hours"],
    ["in 1 day", now + 86400 * s, "in 1 day"], ["29 days", now - 29 * 86400 * s, "29 days ago"],
    ["1 month (30 days)", now - 30 * 86400 * s, "1 month ago"], ["in 12 months (364 days)", now + 364 * 86400 * s, "in 12 months"],
    ["1 year (365 days)", now - 365 * 86400 * s, "1 year ago"], ["in 2 years", now + 800 * 86400 * s, "in 2 years"],
    ["ISO string", "2026-06-14T12:00:00Z", "1 day ago"], ["now", "now", "just now"],
  ])("%s", (_label, v, expected) => {
    expect(timeagoAt(v, now)).toBe(expected);
  });
  it("not a date: unchanged", () => {
    expect(timeagoAt("yesterday", now)).toBe("yesterday");
    expect(filters.timeago(null)).toBe(null);
  });
  it("timeago uses the current time", () => {
    expect(filters.timeago(Date.now() - 2 * 3600 * 1000)).toBe("2 hours ago");
  });
});
