/** What the state panel says and offers for each non-table state (pure, no DOM). */
import { TRAFFIC_RETENTION_DAYS } from "../../core/api/models";
import type { PanelState } from "./appState";

export type PanelAction = "signIn" | "openTrafficSettings" | "retry" | "clearFilters";

export interface PanelContent {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly actions: readonly PanelAction[];
  /** Errors are styled as errors; "not available" and the other explanations are not. */
  readonly tone: "info" | "error";
}

export const ACTION_LABELS: Readonly<Record<PanelAction, string>> = {
  signIn: "Sign In",
  openTrafficSettings: "Open NetBird Settings",
  retry: "Retry",
  clearFilters: "Clear filters",
};

/** Content of the state panel, or undefined for states that show the table (ready, loading). */
export function panelContent(state: PanelState, hostMessage = ""): PanelContent | undefined {
  const message = hostMessage.trim();
  switch (state) {
    case "empty":
      return {
        title: "No traffic events match these filters",
        paragraphs: [
          `Traffic events are kept for ${TRAFFIC_RETENTION_DAYS} days; older flows are gone.`,
          "New flows can take up to 10 minutes to appear.",
          "Widen the time range or clear the filters.",
        ],
        actions: ["clearFilters"],
        tone: "info",
      };
    case "signedOut":
      return {
        title: "Sign in to browse traffic events",
        paragraphs: [message || "Sign in with a NetBird personal access token or a service user's token."],
        actions: ["signIn"],
        tone: "info",
      };
    case "notAvailable":
      return {
        title: "Traffic events are not available on this server",
        paragraphs: [message || "Traffic events exist only on NetBird Cloud and on licensed self-hosted NetBird Enterprise."],
        actions: ["retry"],
        tone: "info",
      };
    case "loggingDisabled":
      return {
        title: "Traffic event logging is off",
        paragraphs: [
          message || "Traffic event logging is turned off for this NetBird account, so there is nothing to show.",
          ...(message.includes("Settings → Networks")
            ? []
            : ["An account owner or admin can turn it on in the NetBird dashboard under Settings → Networks."]),
        ],
        actions: ["openTrafficSettings", "retry"],
        tone: "info",
      };
    case "forbidden":
      return {
        title: "Your NetBird user cannot read traffic events",
        paragraphs: [
          "Owners, admins, auditors, network admins and service users can read traffic events. Ask an account owner or admin for one of these roles, or sign in with a service user's token.",
          ...(message ? [message] : []),
        ],
        actions: ["signIn", "retry"],
        tone: "info",
      };
    case "error":
      return {
        title: "Traffic events could not be loaded",
        paragraphs: [message || "Something went wrong."],
        actions: ["retry"],
        tone: "error",
      };
    default:
      return undefined;
  }
}

/** Whether an error is shown above the rows loaded before it (a passing problem) rather than instead of them. */
export function keepsRowsOnError(state: PanelState): boolean {
  return state === "error";
}

/**
 * The line under such an error: which rows the table still shows, so they are not taken for the answer to the
 * request that failed. `time` is when they were loaded, formatted.
 */
export function staleRowsNote(shownPage: number, time: string, filtersChanged: boolean): string {
  return `Still showing the earlier results (page ${shownPage}, loaded at ${time})${filtersChanged ? "; they do not match the filters above" : ""}.`;
}
