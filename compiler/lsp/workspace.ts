// The language server's view of open documents: which site each belongs to, debounced and versioned analysis
// runs, and publishing diagnostics to every open document of the site after any change (SPEC §7.7).
import type { Connection, TextDocuments } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { resolve } from "node:path";
import { SiteSession } from "./site-session.js";
import { documentKind, isSiteDocument, pathToUri, siteRelative, siteRootOf, uriToPath, type DocumentKind } from "./documents.js";
import { toLspDiagnostic } from "./convert.js";

export const DEBOUNCE_MS = 150;

export interface Located { root: string; rel: string; kind: DocumentKind; session: SiteSession; doc: TextDocument | undefined }

export class Workspace {
  private readonly sessions = new Map<string, SiteSession>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Site-relative file → the URI the client used, so published URIs match the client's spelling. */
  private readonly uris = new Map<string, string>();

  constructor(private readonly connection: Connection, private readonly documents: TextDocuments<TextDocument>) {}

  locate(uri: string): Located | null {
    const abs = uriToPath(uri);
    if (!abs) return null;
    const root = siteRootOf(abs);
    if (!root) return null;
    const rel = siteRelative(root, abs);
    if (!isSiteDocument(rel)) return null;
    let session = this.sessions.get(root);
    if (!session) { session = new SiteSession(root); this.sessions.set(root, session); }
    this.uris.set(`${root}\0${rel}`, uri);
    return { root, rel, kind: documentKind(rel), session, doc: this.documents.get(uri) };
  }

  uriOf(root: string, rel: string): string {
    return this.uris.get(`${root}\0${rel}`) ?? pathToUri(resolve(root, rel));
  }

  /** Open documents of one site, keyed by site-relative path. */
  private openDocuments(root: string): Map<string, TextDocument> {
    const out = new Map<string, TextDocument>();
    for (const doc of this.documents.all()) {
      const loc = this.locate(doc.uri);
      if (loc && loc.root === root) out.set(loc.rel, doc);
    }
    return out;
  }

  /** A change in a site: analyse it after DEBOUNCE_MS of quiet. */
  schedule(root: string): void {
    const session = this.sessions.get(root);
    if (!session) return;
    session.generation++;
    session.dirty = true;
    const old = this.timers.get(root);
    if (old) clearTimeout(old);
    this.timers.set(root, setTimeout(() => { this.timers.delete(root); this.flush(root); }, DEBOUNCE_MS));
  }

  /** Analyses now if anything changed (hover and completion call this so they see the current text). */
  ensureFresh(root: string): SiteSession | null {
    const session = this.sessions.get(root);
    if (!session) return null;
    if (session.dirty) {
      const t = this.timers.get(root);
      if (t) { clearTimeout(t); this.timers.delete(root); }
      this.flush(root);
    }
    return session;
  }

  flush(root: string): void {
    const session = this.sessions.get(root);
    if (!session) return;
    const generation = session.generation;
    const open = this.openDocuments(root);
    const versions = new Map([...open].map(([rel, doc]) => [rel, doc.version]));
    const overlays: Record<string, string> = {};
    for (const [rel, doc] of open) overlays[rel] = doc.getText();
    const byFile = session.analyze(overlays);
    // Versioned: results computed from texts that have since changed are dropped; the pending run publishes.
    if (session.generation !== generation) return;
    for (const [rel, doc] of open) {
      if (doc.version !== versions.get(rel)) continue;
      void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: (byFile.get(rel) ?? []).map(toLspDiagnostic) });
    }
  }

  /** Clears the diagnostics of a closed document and re-analyses its site (its text on disk may differ). */
  closed(uri: string): void {
    const loc = this.locate(uri);
    if (!loc) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.schedule(loc.root);
  }

  /** Files changed on disk (watched files): every known site is re-analysed. */
  changedOnDisk(): void {
    for (const root of this.sessions.keys()) this.schedule(root);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
