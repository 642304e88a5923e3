import { ApiError } from "../core/api/errors";
import type { PanelProblem } from "../core/traffic/protocol";

/** Maps an API error to the panel state that explains it. */
export function problemOf(error: ApiError): PanelProblem {
  switch (error.kind) {
    case "unauthorized":
      return "signedOut";
    case "forbidden":
      return "forbidden";
    case "notAvailable":
      return "notAvailable";
    case "rateLimited":
      return "rateLimited";
    case "invalidRequest":
      return "invalidRequest";
    default:
      return "error";
  }
}

export const LOGGING_DISABLED_MESSAGE =
  "Traffic event logging is turned off for this NetBird account, so there is nothing to show. An account owner or admin can turn it on in the NetBird dashboard under Settings → Networks → Traffic events.";

/** Where the NetBird Cloud dashboard's traffic settings are (only opened for NetBird Cloud). */
export const CLOUD_TRAFFIC_SETTINGS_URL = "https://app.netbird.io/settings?tab=networks";
