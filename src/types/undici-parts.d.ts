// Deep imports of the undici parts the API client uses, so the bundle leaves out fetch, WebSocket,
// caching, mocks and the rest of undici's index (about 300 KB minified). Types come from undici's own.
declare module "undici/lib/dispatcher/agent" {
  import { Agent } from "undici";
  export = Agent;
}
declare module "undici/lib/dispatcher/proxy-agent" {
  import { ProxyAgent } from "undici";
  export = ProxyAgent;
}
declare module "undici/lib/api/api-request" {
  import type { Dispatcher } from "undici";
  function request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
  export = request;
}
