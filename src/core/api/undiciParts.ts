// Deep CommonJS imports of the undici parts the API client uses (see src/types/undici-parts.d.ts), so the
// bundle leaves out fetch, WebSocket, caching and mocks (about 300 KB minified). `import x = require()`
// keeps their types.
/* eslint-disable @typescript-eslint/no-require-imports */
import Agent = require("undici/lib/dispatcher/agent");
import ProxyAgent = require("undici/lib/dispatcher/proxy-agent");
import DispatcherBase = require("undici/lib/dispatcher/dispatcher");
import api = require("undici/lib/api");
import type { Dispatcher } from "undici";

// What undici's index does: give every dispatcher the request/stream/pipeline/connect/upgrade methods.
// ProxyAgent needs `connect` for CONNECT tunnels; the client uses `request`.
Object.assign(DispatcherBase.prototype, api);

export { Agent, ProxyAgent };
export type { Dispatcher };

