/**
 * The row actions popup: a role="menu" of buttons (role="menuitem") next to the row's actions button.
 * Keyboard: ArrowUp/ArrowDown/Home/End move, Enter/Space run, Escape closes and returns focus, Tab closes.
 * It closes on any outside pointer press, scroll, resize or window blur.
 */
import { el, icon } from "./dom";

export interface MenuAction {
  readonly label: string;
  readonly icon: string;
  readonly disabled?: boolean;
  readonly run: () => void;
}

export class RowActionsMenu {
  private readonly element: HTMLDivElement;
  private items: HTMLButtonElement[] = [];
  private anchor: HTMLElement | undefined;

  constructor(parent: HTMLElement) {
    this.element = el("div", { className: "menu", attrs: { id: "row-actions-menu", role: "menu" } });
    this.element.hidden = true;
    parent.append(this.element);
    this.element.addEventListener("keydown", (event) => this.onKey(event));
    document.addEventListener("pointerdown", (event) => {
      if (this.isOpen && !this.element.contains(event.target as Node) && !this.anchor?.contains(event.target as Node)) this.close(false);
    });
    window.addEventListener("resize", () => this.close(false));
    window.addEventListener("blur", () => this.close(false));
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Opens the menu for `anchor` (closing it when already open for that anchor). */
  toggle(anchor: HTMLElement, label: string, actions: readonly MenuAction[]): void {
    if (this.isOpen && this.anchor === anchor) {
      this.close(true);
      return;
    }
    this.close(false);
    this.anchor = anchor;
    this.element.setAttribute("aria-label", label);
    this.items = actions.map((action) => {
      const item = el("button", {
        className: "menu-item",
        attrs: { type: "button", role: "menuitem", tabindex: "-1", ...(action.disabled ? { "aria-disabled": "true" } : {}) },
        children: [icon(action.icon), el("span", { text: action.label })],
      });
      item.addEventListener("click", () => {
        if (action.disabled) return;
        this.close(true);
        action.run();
      });
      item.addEventListener("pointermove", () => item.focus());
      return item;
    });
    this.element.replaceChildren(...this.items);
    this.element.hidden = false;
    anchor.setAttribute("aria-expanded", "true");
    anchor.setAttribute("aria-controls", this.element.id);
    this.position(anchor);
    this.focusItem(this.items.findIndex((item) => item.getAttribute("aria-disabled") !== "true"));
  }

  /** Closes the menu; `restoreFocus` puts focus back on the button that opened it. */
  close(restoreFocus: boolean): void {
    if (!this.isOpen) return;
    const anchor = this.anchor;
    this.element.hidden = true;
    this.element.replaceChildren();
    this.items = [];
    this.anchor = undefined;
    anchor?.setAttribute("aria-expanded", "false");
    anchor?.removeAttribute("aria-controls");
    if (restoreFocus && anchor?.isConnected) anchor.focus({ preventScroll: true });
  }

  private position(anchor: HTMLElement): void {
    const box = anchor.getBoundingClientRect();
    const menu = this.element.getBoundingClientRect();
    const below = box.bottom + 2;
    const top = below + menu.height > window.innerHeight && box.top - menu.height - 2 >= 0 ? box.top - menu.height - 2 : below;
    const left = Math.max(4, Math.min(box.right - menu.width, window.innerWidth - menu.width - 4));
    // CSSOM writes (allowed by the CSP, unlike style attributes).
    this.element.style.top = `${Math.max(4, top)}px`;
    this.element.style.left = `${left}px`;
  }

  private focusItem(index: number): void {
    const item = this.items[Math.max(0, Math.min(this.items.length - 1, index))];
    item?.focus();
  }

  private onKey(event: KeyboardEvent): void {
    const current = this.items.indexOf(document.activeElement as HTMLButtonElement);
    const count = this.items.length;
    switch (event.key) {
      case "ArrowDown":
        this.focusItem((current + 1) % count);
        break;
      case "ArrowUp":
        this.focusItem((current - 1 + count) % count);
        break;
      case "Home":
        this.focusItem(0);
        break;
      case "End":
        this.focusItem(count - 1);
        break;
      case "Escape":
        this.close(true);
        break;
      case "Tab":
        this.close(true);
        break;
      case "Enter":
      case " ":
        if (current >= 0) this.items[current].click();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }
}
