// A tiny JSON-RPC client over stdio with Content-Length framing, enough to drive `pagec lsp --stdio` in tests.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

type Message = { id?: number; method?: string; params?: any; result?: any; error?: any };

export class LspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  readonly notifications: Message[] = [];
  private waiters: { pred: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  stderr = "";

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on("data", (chunk: Buffer) => this.onData(chunk));
    child.stderr.on("data", (chunk: Buffer) => { this.stderr += chunk.toString(); });
  }

  static start(cwd: string, args: string[]): LspClient {
    return new LspClient(spawn(process.execPath, args, { cwd, stdio: ["pipe", "pipe", "pipe"] }));
  }

  private onData(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString());
      if (!m) throw new Error("bad header");
      const len = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + len) return;
      const body = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + len).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + len);
      this.dispatch(body);
    }
  }

  private dispatch(msg: Message) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(JSON.stringify(msg.error))); else p?.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined && msg.method) {
      // Server-to-client requests (e.g. client/registerCapability): answer with null.
      this.write({ jsonrpc: "2.0", id: msg.id, result: null });
      return;
    }
    this.notifications.push(msg);
    this.waiters = this.waiters.filter((w) => { if (w.pred(msg)) { w.resolve(msg); return false; } return true; });
  }

  private write(obj: object) {
    const json = Buffer.from(JSON.stringify(obj), "utf8");
    this.child.stdin.write(`Content-Length: ${json.length}\r\n\r\n`);
    this.child.stdin.write(json);
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    const p = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.write({ jsonrpc: "2.0", id, method, params });
    return p;
  }

  notify(method: string, params: unknown) {
    this.write({ jsonrpc: "2.0", method, params });
  }

  /** Resolves with the first notification (already received or future) that matches. */
  waitFor(pred: (m: Message) => boolean, timeoutMs = 20000): Promise<Message> {
    const seen = this.notifications.find(pred);
    if (seen) { this.notifications.splice(this.notifications.indexOf(seen), 1); return Promise.resolve(seen); }
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timeout waiting for notification; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ pred, resolve: (m) => { clearTimeout(t); this.notifications.splice(this.notifications.indexOf(m), 1); resolve(m); } });
    });
  }
}
