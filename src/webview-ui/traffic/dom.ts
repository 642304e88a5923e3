/** Tiny element helpers. Text goes in with textContent only; no HTML strings, no style attributes. */

export interface ElOptions {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly children?: readonly (Node | undefined)[];
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElOptions = {}): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (name === "style" || name.startsWith("on")) throw new Error(`Refusing to set the ${name} attribute.`);
    element.setAttribute(name, value);
  }
  for (const child of options.children ?? []) if (child) element.append(child);
  return element;
}

/** A decorative codicon (hidden from assistive technology). */
export function icon(name: string): HTMLSpanElement {
  return el("span", { className: `codicon codicon-${name}`, attrs: { "aria-hidden": "true" } });
}

/** A button with an optional codicon and a visible text that is its accessible name. */
export function button(text: string, options: { readonly id?: string; readonly icon?: string; readonly className?: string } = {}): HTMLButtonElement {
  const b = el("button", {
    className: options.className ?? "button",
    attrs: { type: "button", ...(options.id ? { id: options.id } : {}) },
    children: [options.icon ? icon(options.icon) : undefined, el("span", { text })],
  });
  return b;
}

/** The text setText last put in an element (so a repaint neither reads the DOM's text nor replaces its node). */
const shownText = new WeakMap<HTMLElement, string>();

/**
 * Sets an element's text when it changed: into its one text node when it has one (no new node), else with
 * textContent. For elements whose text only this function sets.
 */
export function setText(element: HTMLElement, text: string): void {
  if (shownText.get(element) === text) return;
  shownText.set(element, text);
  const node = element.firstChild;
  if (node !== null && node === element.lastChild && node.nodeType === Node.TEXT_NODE && text !== "") (node as Text).data = text;
  else element.textContent = text;
}

export function setAttr(element: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) element.removeAttribute(name);
  else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
