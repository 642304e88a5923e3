// Deep CommonJS imports of undici parts (see src/types/undici-parts.d.ts); `import x = require()` keeps their types.
/* eslint-disable @typescript-eslint/no-require-imports */
import Agent = require("undici/lib/dispatcher/agent");
import ProxyAgent = require("undici/lib/dispatcher/proxy-agent");
import apiRequest = require("undici/lib/api/api-request");
import type { Dispatcher } from "undici";

export { Agent, ProxyAgent };
export type { Dispatcher };

/** undici's `request` on a given dispatcher (what `dispatcher.request(...)` does with undici's full index loaded). */
export function requestOn(dispatcher: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return apiRequest.call(dispatcher, options);
}
