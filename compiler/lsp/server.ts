// `pagec lsp` (SPEC §7.7): a Language Server over stdio — diagnostics, quick fixes, hovers and completions
// for the pages, components, modules, site.json and variables.json of every site the editor opens.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, CodeActionKind,
  StreamMessageReader, StreamMessageWriter, type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { Workspace } from "./workspace.js";
import { codeActionsFor } from "./convert.js";
import { provideHover } from "./hover.js";
import { provideCompletion } from "./completion.js";

export const TRIGGER_CHARACTERS = [".", "|", "@", "(", "'", '"'];

/** Runs the server until the client sends `exit`. `--stdio` is accepted (stdio is the only transport). */
export function startLsp(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== "--stdio");
  if (unknown.length) {
    process.stderr.write(`pagec lsp: unknown option \`${unknown[0]}\` (only --stdio is supported)\n`);
    return Promise.resolve(2);
  }
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(connection, documents);

  connection.onInitialize((): InitializeResult => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: "pagec" },
  }));

  documents.onDidChangeContent((e) => {
    const loc = workspace.locate(e.document.uri);
    if (loc) workspace.schedule(loc.root);
  });
  documents.onDidClose((e) => workspace.closed(e.document.uri));
  connection.onDidChangeWatchedFiles(() => workspace.changedOnDisk());

  connection.onCodeAction((params) => {
    const loc = workspace.locate(params.textDocument.uri);
    if (!loc) return [];
    const known = loc.session.byFile.get(loc.rel) ?? [];
    return codeActionsFor(params.context.diagnostics, known, (file) => workspace.uriOf(loc.root, file));
  });
  connection.onHover((params) => safe(() => provideHover(workspace, params.textDocument.uri, params.position), null));
  connection.onCompletion((params) => safe(() => provideCompletion(workspace, params.textDocument.uri, params.position), []));

  documents.listen(connection);
  connection.listen();
  return new Promise((resolve) => {
    connection.onExit(() => { workspace.dispose(); resolve(0); });
  });
}

/** A failing hover or completion answers "nothing" instead of an error response. */
function safe<T>(fn: () => T, fallback: T): T {
  try { return fn(); } catch (e) {
    process.stderr.write(`pagec lsp: ${(e as Error).stack ?? e}\n`);
    return fallback;
  }
}
