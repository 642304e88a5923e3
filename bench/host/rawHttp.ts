// The floor's HTTP client: one GET over a plain TCP socket to the simulator on loopback, with nothing
// between the socket and the bytes (no pooling, no proxy resolution, no decompression, no validation).
// Whatever the extension does on top of "fetch the bytes and JSON.parse them" shows up as its ratio.
import * as net from "node:net";

export interface RawResponse {
  readonly status: number;
  readonly body: Buffer;
  /** From connect to the last body byte (ms). */
  readonly fetchMs: number;
}

export function rawGet(baseUrl: string, pathAndQuery: string, token: string): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    let received = 0;
    const socket = net.connect({ host: url.hostname, port: Number(url.port) }, () => {
      socket.write(
        `GET ${pathAndQuery} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Token ${token}\r\nAccept: application/json\r\nConnection: close\r\n\r\n`,
      );
    });
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    });
    socket.once("error", reject);
    socket.once("end", () => {
      const fetchMs = performance.now() - started;
      const all = Buffer.concat(chunks, received);
      const headerEnd = all.indexOf("\r\n\r\n");
      if (headerEnd < 0) return reject(new Error(`no HTTP header from ${pathAndQuery}`));
      const head = all.subarray(0, headerEnd).toString("latin1");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) return reject(new Error("chunked responses are not supported by the floor client"));
      resolve({ status, body: all.subarray(headerEnd + 4), fetchMs });
    });
  });
}
