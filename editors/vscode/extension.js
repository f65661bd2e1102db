// Minimal VS Code client for `pagec lsp --stdio` (SPEC §7.7): starts the server from the workspace's pagec
// installation and sends it the site documents (pages, components, scripts, site.json, variables.json).
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function serverCommand() {
  const configured = vscode.workspace.getConfiguration("pagec").get("server.command");
  if (configured) return configured;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, "node_modules", ".bin", process.platform === "win32" ? "pagec.cmd" : "pagec");
    if (existsSync(local)) return local;
  }
  return "pagec";
}

function activate(context) {
  const command = serverCommand();
  const run = { command, args: ["lsp", "--stdio"], transport: TransportKind.stdio, options: { shell: process.platform === "win32" } };
  client = new LanguageClient("pagec", "pagec", { run, debug: run }, {
    documentSelector: [
      { scheme: "file", pattern: "**/pages/**/*.{ef,html}" },
      { scheme: "file", pattern: "**/components/**/*.{ef,html}" },
      { scheme: "file", pattern: "**/scripts/**/*.js" },
      { scheme: "file", pattern: "**/{site,variables}.json" },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{pages,components,scripts}/**") },
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
