/**
 * Runs the NetBird simulator in the foreground:
 *
 *   node out/simulator/cli.js [--port N] [--seed N] [--now ISO|ms] [--audit-count N] [--traffic-count N]
 *     [--dataset realistic|empty|hostile] [--no-traffic] [--no-traffic-logging] [--latency MS]
 *
 * Prints the URL and the built-in tokens, logs one line per API request (method, path, status, ms) and
 * stops on SIGINT/SIGTERM.
 */
import { DATASET_KINDS, type DatasetKind } from "./dataset";
import { startSimulator, TOKEN_DESCRIPTIONS, TOKEN_ROLES, TOKENS, type SimulatorOptions } from "./server";

const USAGE =
  "usage: node out/simulator/cli.js [--port N] [--seed N] [--now ISO|ms] [--audit-count N] [--traffic-count N]\n" +
  "         [--dataset realistic|empty|hostile] [--no-traffic] [--no-traffic-logging] [--latency MS]";

function parseArgs(argv: readonly string[]): SimulatorOptions {
  const options: { -readonly [K in keyof SimulatorOptions]: SimulatorOptions[K] } = {};
  const number = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || value === "" || !Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes("=") ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case "--port":
        options.port = number(flag, value());
        break;
      case "--seed":
        options.seed = number(flag, value());
        break;
      case "--now": {
        const text = value() ?? "";
        const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
        if (!Number.isFinite(ms)) throw new Error("--now needs an ISO time or epoch milliseconds");
        options.now = ms;
        break;
      }
      case "--audit-count":
        options.auditCount = number(flag, value());
        break;
      case "--traffic-count":
        options.trafficCount = number(flag, value());
        break;
      case "--dataset": {
        const kind = value() as DatasetKind;
        if (!DATASET_KINDS.includes(kind)) throw new Error(`--dataset is one of ${DATASET_KINDS.join(", ")}`);
        options.dataset = kind;
        break;
      }
      case "--no-traffic":
        options.trafficAvailable = false;
        break;
      case "--no-traffic-logging":
        options.trafficLoggingEnabled = false;
        break;
      case "--latency":
        options.latencyMs = number(flag, value());
        break;
      case "--help":
      case "-h":
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: SimulatorOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(2);
  }
  const simulator = await startSimulator({
    ...options,
    onRequest: (r) => process.stdout.write(`${r.method} ${r.path} ${r.status || "-"} ${Math.round(r.durationMs)}ms\n`),
  });
  const info = simulator.info();
  const width = Math.max(...TOKEN_ROLES.map((role) => role.length));
  process.stdout.write(
    [
      `NetBird simulator listening on ${simulator.url}`,
      `dataset ${info.dataset}, seed ${info.seed}, now ${new Date(info.now).toISOString()}, ` +
        `${info.counts.auditServed} audit events served (${info.counts.audit} stored), ${info.counts.traffic} traffic records` +
        (info.trafficAvailable ? "" : " (traffic route disabled)"),
      `account ${info.accountId}; MSP tenant: ?account=${info.childAccountId}`,
      "tokens (Authorization: Token <token>):",
      ...TOKEN_ROLES.map((role) => `  ${role.padEnd(width)}  ${TOKENS[role]}  ${TOKEN_DESCRIPTIONS[role]}`),
      `control: ${simulator.url}/__simulator/info (faults, requests, dataset)`,
      "",
    ].join("\n"),
  );
  let closing = false;
  const stop = (signal: string): void => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal}: shutting down\n`);
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

void main();
