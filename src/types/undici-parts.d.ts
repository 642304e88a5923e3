// Deep imports of the undici parts the API client uses (see src/core/api/undiciParts.ts).
// Types come from undici's own declarations.
declare module "undici/lib/dispatcher/agent" {
  import { Agent } from "undici";
  export = Agent;
}
declare module "undici/lib/dispatcher/proxy-agent" {
  import { ProxyAgent } from "undici";
  export = ProxyAgent;
}
declare module "undici/lib/dispatcher/dispatcher" {
  import { Dispatcher } from "undici";
  export = Dispatcher;
}
declare module "undici/lib/api" {
  const api: Record<string, (...args: never[]) => unknown>;
  export = api;
}
