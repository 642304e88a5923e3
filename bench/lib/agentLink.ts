// The runner's end of the link to the bench agent inside the extension host (bench/host/agent.ts).
// A tiny HTTP server on 127.0.0.1: the agent long-polls POST /next for a task, runs it inside the
// extension host and answers with POST /result; POST /log carries its progress lines. The runner stays in
// charge of the order of things (webview steps through Playwright, agent steps through call()).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface AgentTask {
  readonly id: number;
  readonly task: string;
  readonly args: unknown;
}

export interface AgentResult {
  readonly id: number;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: string;
}

interface Pending {
  readonly task: AgentTask;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

const POLL_MS = 20_000;

export class AgentLink {
  readonly url: string;
  private nextId = 1;
  private readonly queue: AgentTask[] = [];
  private readonly pending = new Map<number, Pending>();
  private waiter: ((task: AgentTask | undefined) => void) | undefined;
  private helloResolve!: () => void;
  /** Settles when the agent has said hello (the extension host loaded it). */
  readonly ready: Promise<void> = new Promise((resolve) => (this.helloResolve = resolve));
  private lost: string | undefined;

  private constructor(
    private readonly server: Server,
    private readonly onLog: (line: string) => void,
  ) {
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(onLog: (line: string) => void): Promise<AgentLink> {
    const holder: { link?: AgentLink } = {};
    const server = createServer((req, res) => void holder.link?.handle(req, res));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    holder.link = new AgentLink(server, onLog);
    return holder.link;
  }

  /** Runs a task in the extension host and returns its value (rejects with the agent's error). */
  call<T = unknown>(task: string, args: unknown = {}, timeoutMs = 120_000): Promise<T> {
    if (this.lost) return Promise.reject(new Error(this.lost));
    const id = this.nextId++;
    const entry: AgentTask = { id, task, args };
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`agent task ${task} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { task: entry, resolve: resolve as (v: unknown) => void, reject, timer });
      if (this.waiter) {
        const waiter = this.waiter;
        this.waiter = undefined;
        waiter(entry);
      } else this.queue.push(entry);
    });
  }

  /** Fails every call in progress and later (the extension host or the workbench went away). */
  fail(reason: string): void {
    this.lost = reason;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`${reason} (during ${p.task.task})`));
      this.pending.delete(id);
    }
  }

  close(): Promise<void> {
    this.waiter?.(undefined);
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown) : undefined;
    const send = (status: number, value?: unknown) => {
      const text = value === undefined ? "" : JSON.stringify(value);
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    switch (req.url) {
      case "/hello":
        this.helloResolve();
        return send(200, { ok: true });
      case "/log":
        this.onLog(String((body as { line?: unknown })?.line ?? ""));
        return send(204);
      case "/next": {
        const task = this.queue.shift() ?? (await this.waitForTask());
        return task ? send(200, task) : send(204);
      }
      case "/result": {
        const result = body as AgentResult;
        const p = this.pending.get(result.id);
        if (p) {
          this.pending.delete(result.id);
          clearTimeout(p.timer);
          if (result.ok) p.resolve(result.value);
          else p.reject(new Error(`agent task ${p.task.task} failed: ${result.error ?? "unknown error"}`));
        }
        return send(204);
      }
      default:
        return send(404);
    }
  }

  private waitForTask(): Promise<AgentTask | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.waiter === done) this.waiter = undefined;
        resolve(undefined);
      }, POLL_MS);
      const done = (task: AgentTask | undefined) => {
        clearTimeout(timer);
        resolve(task);
      };
      this.waiter = done;
    });
  }
}
