// Runtime-generated error responses (SPEC §6.9) and the dev-mode build-error page (§6.12).
const REASONS: Record<number, string> = { 404: "Not Found", 405: "Method Not Allowed", 413: "Payload Too Large", 500: "Internal Server Error", 503: "Service Unavailable" };

export function errorBody(status: number): string {
  const title = `${status} ${REASONS[status] ?? "Error"}`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function buildErrorBody(pretty: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>500 Build error</title></head><body><h1>Build error</h1><pre>${esc(pretty)}</pre></body></html>`;
}
