import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TlsFixture {
  /** PEM of the private test certificate authority. */
  readonly caPem: string;
  /** Server certificate (for 127.0.0.1 and localhost), signed by the CA, and its key. */
  readonly certPem: string;
  readonly keyPem: string;
  readonly caPath: string;
  cleanup(): void;
}

/** Generates a fresh private CA and a server certificate for 127.0.0.1/localhost with the openssl CLI. */
export function makeTlsFixture(): TlsFixture {
  const dir = mkdtempSync(join(tmpdir(), "nb-tls-"));
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=NetBird Events Test CA",
    "-keyout", "ca.key", "-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key", "-out", "server.csr");
  writeFileSync(join(dir, "ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
  run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
    "-extfile", "ext.cnf", "-out", "server.pem");
  return {
    caPem: readFileSync(join(dir, "ca.pem"), "utf8"),
    certPem: readFileSync(join(dir, "server.pem"), "utf8"),
    keyPem: readFileSync(join(dir, "server.key"), "utf8"),
    caPath: join(dir, "ca.pem"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
