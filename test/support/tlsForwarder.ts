import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";

export interface TlsForwarder {
  readonly url: string;
  close(): Promise<void>;
}

/** A real TLS server on 127.0.0.1 that forwards every request to an http origin (the simulator). */
export async function startTlsForwarder(origin: string, cert: { certPem: string; keyPem: string }): Promise<TlsForwarder> {
  const target = new URL(origin);
  const server = https.createServer({ cert: cert.certPem, key: cert.keyPem }, (req, res) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
