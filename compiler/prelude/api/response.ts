// `response.status/json/send` and `redirect` (SPEC §4.4.2). Terminal calls report one `respond` effect, then
// halt the phase (SPEC §4.1); argument errors throw TypeError before anything is reported.
import { freeze, isInteger, jsonStringify, toStr } from "./intrinsics.js";
import { isAllowedRedirectUrl } from "./redirect-url.js";
import { enter, haltNow, type State } from "./state.js";

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

export interface ResponseApi { status(code: unknown): ResponseApi; json(data: unknown): never; send(body: unknown): never }

export function createResponse(s: State): ResponseApi {
  const api: ResponseApi = freeze({
    status(code: unknown): ResponseApi {
      enter(s);
      if (typeof code !== "number" || !isInteger(code) || code < 100 || code > 599) {
        throw new TypeError("response.status: code must be an integer from 100 to 599");
      }
      s.status = code;
      s.host.effect({ t: "status", code });
      return api;
    },
    json(data: unknown): never {
      enter(s);
      const text = jsonStringify(data) as string | undefined;
      const body = text === undefined ? "null" : text;
      enter(s); // a toJSON or getter may itself have made a terminal call
      s.host.effect({ t: "respond", kind: "json", status: s.status, body, location: null });
      return haltNow(s);
    },
    send(body: unknown): never {
      enter(s);
      const text = typeof body === "string" ? body : body === null || body === undefined ? "" : toStr(body);
      enter(s);
      s.host.effect({ t: "respond", kind: "send", status: s.status, body: text, location: null });
      return haltNow(s);
    },
  });
  return api;
}

export function createRedirect(s: State): (url: unknown, status?: unknown) => never {
  return function redirect(url: unknown, status?: unknown): never {
    enter(s);
    if (!isAllowedRedirectUrl(url)) throw new TypeError("redirect: URL not allowed");
    const code = status === undefined ? 302 : status;
    if (typeof code !== "number" || REDIRECT_STATUSES.indexOf(code) < 0) throw new TypeError("redirect: status not allowed");
    s.host.effect({ t: "respond", kind: "redirect", status: code, body: "", location: url });
    return haltNow(s);
  };
}
