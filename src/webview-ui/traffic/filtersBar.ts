/**
 * The filters bar: one labelled control per filter (the visible <label for> text is exactly the label from
 * FILTER_LABELS, so it is also the accessible name), inline error messages wired with aria-describedby,
 * and the Refresh / Clear filters / Export… buttons. It reports edits; the controller validates and queries.
 */
import {
  CONNECTION_TYPE_VALUES,
  DIRECTION_VALUES,
  FILTER_LABELS,
  PAGE_SIZE_ERROR,
  PROTOCOL_NAMES,
  resolveTime,
  TYPE_VALUES,
  type FilterErrors,
  type TrafficFilterField,
  type TrafficFilters,
} from "../../core/traffic/trafficFilters";
import type { FilterSuggestions, Suggestion } from "../../core/traffic/trafficRows";
import { TRAFFIC_MAX_PAGE_SIZE } from "../../core/api/models";
import { formatInteger } from "../../core/format/units";
import { button, el } from "./dom";
import { CUSTOM_TIME, customInputValue, enumOptions, timeChoice, timeOptions, toDateTimeLocal } from "./filterModel";

export interface FiltersBarEvents {
  /** A filter was edited; `debounce` for typing (query later), false for a committed change (query now). */
  onChange(filters: TrafficFilters, debounce: boolean): void;
  onRefresh(): void;
  onClear(): void;
  onExport(): void;
}

type TimeField = "from" | "to";
type SuggestField = "userId" | "reporterId" | "sourceId" | "destinationId";
type Control = HTMLInputElement | HTMLSelectElement;

const SUGGESTION_KEYS: Readonly<Record<SuggestField, keyof FilterSuggestions>> = {
  userId: "users",
  reporterId: "reporters",
  sourceId: "sources",
  destinationId: "destinations",
};

const PLACEHOLDERS: Partial<Record<TrafficFilterField, string>> = {
  search: "Name, IP, DNS label…",
  userId: "User ID",
  reporterId: "Peer ID",
  sourceId: "Peer/resource ID",
  destinationId: "Peer/resource ID",
  protocol: "Any",
};

const PAGE_SIZES = [100, 1000, 10_000, 50_000];

export const controlId = (field: TrafficFilterField) => `filter-${field}`;
export const customTimeId = (field: TimeField) => `filter-${field}-custom`;
const errorId = (field: TrafficFilterField) => `filter-${field}-error`;

export class FiltersBar {
  readonly element: HTMLElement;
  private filters: TrafficFilters;
  private readonly controls = {} as Record<TrafficFilterField, Control>;
  private readonly errorEls = {} as Record<TrafficFilterField, HTMLElement>;
  private readonly customInputs = {} as Record<TimeField, HTMLInputElement>;
  private readonly customFields = {} as Record<TimeField, HTMLElement>;
  private readonly datalists = {} as Record<SuggestField, HTMLDataListElement>;

  constructor(initial: TrafficFilters, private readonly events: FiltersBarEvents) {
    this.filters = initial;
    const fields = el("div", { className: "filter-fields" });
    fields.append(
      this.textField("search", "search"),
      this.textField("userId", "text", this.suggestList("userId")),
      this.textField("reporterId", "text", this.suggestList("reporterId")),
      this.textField("sourceId", "text", this.suggestList("sourceId")),
      this.textField("destinationId", "text", this.suggestList("destinationId")),
      this.textField(
        "protocol",
        "text",
        this.datalist(
          "protocol-names",
          PROTOCOL_NAMES.map((p) => ({ id: p.name, label: `IP protocol ${p.number}` })),
        ),
      ),
      this.selectField("type", enumOptions(TYPE_VALUES)),
      this.selectField("connectionType", enumOptions(CONNECTION_TYPE_VALUES)),
      this.selectField("direction", enumOptions(DIRECTION_VALUES)),
      this.timeField("from"),
      this.timeField("to"),
      this.pageSizeField(),
    );
    const refresh = button("Refresh", { id: "refresh-button", icon: "refresh" });
    const clear = button("Clear filters", { id: "clear-filters-button", icon: "clear-all", className: "button secondary" });
    const exportButton = button("Export…", { id: "export-button", icon: "desktop-download", className: "button secondary" });
    refresh.addEventListener("click", () => this.events.onRefresh());
    clear.addEventListener("click", () => this.events.onClear());
    exportButton.addEventListener("click", () => this.events.onExport());
    const actions = el("div", { className: "filter-actions", children: [refresh, clear, exportButton] });
    this.element = el("div", {
      className: "filters",
      attrs: { id: "filters", role: "search", "aria-label": "Traffic event filters" },
      children: [fields, actions],
    });
    this.setFilters(initial);
  }

  /** Shows filters set from outside (restore, pivot, clear) without reporting a change. */
  setFilters(filters: TrafficFilters): void {
    this.filters = filters;
    for (const field of Object.keys(this.controls) as TrafficFilterField[]) {
      if (field === "from" || field === "to") continue;
      const control = this.controls[field];
      if (control.value !== filters[field]) control.value = filters[field];
    }
    for (const field of ["from", "to"] as const) {
      const choice = timeChoice(filters[field]);
      const custom = choice === CUSTOM_TIME;
      this.controls[field].value = choice;
      this.customInputs[field].value = custom ? customInputValue(filters[field]) : "";
      this.customFields[field].hidden = !custom;
    }
  }

  /** Errors the browser knows but the filter text cannot show (a page size the number input cannot parse). */
  inputErrors(): FilterErrors {
    const size = this.controls.pageSize as HTMLInputElement;
    return size.validity.badInput ? { pageSize: PAGE_SIZE_ERROR } : {};
  }

  /** Marks invalid controls (aria-invalid) and shows each message next to its control. */
  setErrors(errors: FilterErrors): void {
    for (const field of Object.keys(this.controls) as TrafficFilterField[]) {
      const message = errors[field];
      const errorEl = this.errorEls[field];
      errorEl.textContent = message ?? "";
      errorEl.hidden = !message;
      const targets: Control[] = [this.controls[field]];
      if (field === "from" || field === "to") targets.push(this.customInputs[field]);
      const custom = (field === "from" || field === "to") && this.controls[field].value === CUSTOM_TIME;
      const invalidTarget = custom ? this.customInputs[field] : this.controls[field];
      for (const target of targets) {
        const invalid = Boolean(message) && target === invalidTarget;
        if (invalid) {
          target.setAttribute("aria-invalid", "true");
          target.setAttribute("aria-describedby", errorId(field));
        } else {
          target.removeAttribute("aria-invalid");
          target.removeAttribute("aria-describedby");
        }
      }
    }
  }

  focusFirstInvalid(): void {
    this.element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  setSuggestions(suggestions: FilterSuggestions | undefined): void {
    for (const field of Object.keys(this.datalists) as SuggestField[]) {
      const list = suggestions?.[SUGGESTION_KEYS[field]] ?? [];
      this.datalists[field].replaceChildren(...this.options(list));
    }
  }

  private emit(field: TrafficFilterField, value: string, debounce: boolean): void {
    if (this.filters[field] !== value) this.filters = { ...this.filters, [field]: value };
    this.events.onChange(this.filters, debounce);
  }

  private field(field: TrafficFilterField, control: HTMLElement, extra: (Node | undefined)[] = []): HTMLElement {
    const label = el("label", { text: FILTER_LABELS[field], attrs: { for: controlId(field) } });
    const error = el("div", { className: "field-error", attrs: { id: errorId(field) } });
    error.hidden = true;
    this.errorEls[field] = error;
    return el("div", { className: `field field-${field}`, children: [label, control, ...extra, error] });
  }

  private textField(field: TrafficFilterField, type: "text" | "search", list?: HTMLDataListElement): HTMLElement {
    const input = el("input", {
      className: "input",
      attrs: {
        id: controlId(field),
        type,
        spellcheck: "false",
        autocomplete: "off",
        ...(PLACEHOLDERS[field] ? { placeholder: PLACEHOLDERS[field] } : {}),
        ...(list ? { list: list.id } : {}),
      },
    });
    this.controls[field] = input;
    input.addEventListener("input", () => this.emit(field, input.value, true));
    input.addEventListener("change", () => this.emit(field, input.value, false));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") this.emit(field, input.value, false);
    });
    return this.field(field, input, [list]);
  }

  private selectField(field: TrafficFilterField, options: readonly { value: string; label: string }[]): HTMLElement {
    const select = el("select", { className: "select", attrs: { id: controlId(field) } });
    select.append(...options.map((o) => el("option", { text: o.label, attrs: { value: o.value } })));
    this.controls[field] = select;
    select.addEventListener("change", () => this.emit(field, select.value, false));
    return this.field(field, select);
  }

  private timeField(field: TimeField): HTMLElement {
    const select = el("select", { className: "select", attrs: { id: controlId(field) } });
    select.append(...timeOptions().map((o) => el("option", { text: o.label, attrs: { value: o.value } })));
    this.controls[field] = select;
    const customLabel = `${FILTER_LABELS[field]} (custom)`;
    const custom = el("input", { className: "input", attrs: { id: customTimeId(field), type: "datetime-local", step: "60" } });
    const customField = el("div", {
      className: "custom-time",
      children: [el("label", { className: "custom-time-label", text: customLabel, attrs: { for: customTimeId(field) } }), custom],
    });
    customField.hidden = true;
    this.customInputs[field] = custom;
    this.customFields[field] = customField;
    select.addEventListener("change", () => {
      if (select.value === CUSTOM_TIME) {
        customField.hidden = false;
        // Start from the time the previous choice meant, so the range does not jump.
        const previous = resolveTime(this.filters[field], Date.now());
        const start = Number.isFinite(previous) && this.filters[field].trim() ? previous : field === "from" ? Date.now() - 3600_000 : Date.now();
        custom.value = toDateTimeLocal(start);
        custom.focus();
        this.emit(field, custom.value, false);
      } else {
        customField.hidden = true;
        this.emit(field, select.value, false);
      }
    });
    custom.addEventListener("input", () => this.emit(field, custom.value, true));
    custom.addEventListener("change", () => this.emit(field, custom.value, false));
    return this.field(field, select, [customField]);
  }

  private pageSizeField(): HTMLElement {
    const list = this.datalist("page-sizes", PAGE_SIZES.map((n) => ({ id: String(n), label: formatInteger(n) })));
    const input = el("input", {
      className: "input",
      attrs: {
        id: controlId("pageSize"),
        type: "number",
        min: "1",
        max: String(TRAFFIC_MAX_PAGE_SIZE),
        step: "1",
        inputmode: "numeric",
        list: list.id,
      },
    });
    this.controls.pageSize = input;
    input.addEventListener("input", () => this.emit("pageSize", input.value, true));
    input.addEventListener("change", () => this.emit("pageSize", input.value, false));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") this.emit("pageSize", input.value, false);
    });
    return this.field("pageSize", input, [list]);
  }

  private suggestList(field: SuggestField): HTMLDataListElement {
    const list = this.datalist(`suggest-${field}`, []);
    this.datalists[field] = list;
    return list;
  }

  private datalist(id: string, items: readonly Suggestion[]): HTMLDataListElement {
    const list = el("datalist", { attrs: { id } });
    list.append(...this.options(items));
    return list;
  }

  private options(items: readonly Suggestion[]): HTMLOptionElement[] {
    return items.map((item) => {
      const option = document.createElement("option");
      option.value = item.id;
      if (item.label && item.label !== item.id) option.label = item.label;
      return option;
    });
  }
}
