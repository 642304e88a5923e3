import * as http from "node:http";
import * as net from "node:net";
import type { AddressInfo } from "node:net";

export interface ConnectProxy {
  readonly url: string;
  /** Targets the proxy was asked to CONNECT to, in order. */
  readonly connects: string[];
  /** Proxy-Authorization headers it received. */
  readonly authorizations: (string | undefined)[];
  close(): Promise<void>;
}

/**
 * A small real HTTP proxy on 127.0.0.1 that tunnels CONNECT requests (as corporate proxies do for https).
 * `refuse` answers every CONNECT with that status instead; `requireAuth` demands that Proxy-Authorization value.
 */
export async function startConnectProxy(options: { refuse?: number; requireAuth?: string } = {}): Promise<ConnectProxy> {
  const connects: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(405, { "content-type": "text/plain" });
    res.end("only CONNECT");
  });
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    connects.push(req.url ?? "");
    const auth = req.headers["proxy-authorization"];
    authorizations.push(auth);
    if (options.refuse || (options.requireAuth && auth !== options.requireAuth)) {
      const status = options.refuse ?? 407;
      client.end(`HTTP/1.1 ${status} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host, port] = (req.url ?? "").split(/:(?=\d+$)/);
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
