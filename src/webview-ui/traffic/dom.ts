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

/** Sets text only when it changed (cheap repaints of reused rows). */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export function setAttr(element: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) element.removeAttribute(name);
  else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
