/** The panel shown instead of the table for empty results and problems (signed out, no access, errors). */
import type { PanelState } from "./appState";
import { button, el } from "./dom";
import { ACTION_LABELS, panelContent, type PanelAction } from "./panelText";

const ACTION_ICONS: Readonly<Record<PanelAction, string>> = {
  signIn: "sign-in",
  openTrafficSettings: "link-external",
  retry: "refresh",
  clearFilters: "clear-all",
};

const STATE_ICONS: Partial<Record<PanelState, string>> = {
  empty: "search",
  signedOut: "account",
  notAvailable: "info",
  loggingDisabled: "circle-slash",
  forbidden: "lock",
  error: "error",
};

export class StatePanel {
  readonly element: HTMLElement;

  constructor(private readonly onAction: (action: PanelAction) => void) {
    this.element = el("section", { className: "state-panel", attrs: { id: "state-panel", "aria-labelledby": "state-panel-title" } });
    this.element.hidden = true;
  }

  /**
   * Shows the content for `state`, or hides the panel for the table states. With `staleNote`, the panel is a
   * banner above the rows loaded earlier, and the note says which rows those are.
   */
  show(state: PanelState, message: string, staleNote?: string): void {
    const content = panelContent(state, message);
    this.element.hidden = !content;
    if (!content) {
      this.element.replaceChildren();
      return;
    }
    this.element.className = `state-panel tone-${content.tone}${staleNote ? " is-banner" : ""}`;
    this.element.dataset.panel = state;
    const buttons = content.actions.map((action, i) => {
      const b = button(ACTION_LABELS[action], {
        id: action === "clearFilters" ? "empty-clear-filters-button" : `${action}-button`,
        icon: ACTION_ICONS[action],
        className: i === 0 ? "button" : "button secondary",
      });
      b.dataset.action = action;
      b.addEventListener("click", () => this.onAction(action));
      return b;
    });
    this.element.replaceChildren(
      el("span", { className: `state-icon codicon codicon-${STATE_ICONS[state] ?? "info"}`, attrs: { "aria-hidden": "true" } }),
      el("h2", { text: content.title, attrs: { id: "state-panel-title" } }),
      ...content.paragraphs.map((text) => el("p", { text })),
      ...(staleNote ? [el("p", { className: "stale-note", text: staleNote })] : []),
      el("div", { className: "state-actions", children: buttons }),
    );
  }
}
