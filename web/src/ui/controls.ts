import { h } from './dom.js';

export interface Option {
  value: string;
  label: string;
}

let counter = 0;

/** A labelled <select>; `name` is the URL parameter it drives (tests find controls by data-param). */
export function selectControl(
  name: string,
  label: string,
  options: readonly Option[],
  value: string,
  onChange: (value: string) => void,
): HTMLElement {
  const id = `control-${name}-${++counter}`;
  // A value from the URL that is not among the choices is still shown (the charts say what is wrong with it).
  if (value !== '' && !options.some((o) => o.value === value)) options = [...options, { value, label: value }];
  const select = h(
    'select',
    { id, 'data-param': name, onchange: () => onChange(select.value) },
    ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
  );
  select.value = value;
  return h('div', { class: 'control' }, h('label', { for: id }, label), select);
}

/** A set of toggle chips for a list parameter (e.g. provinces to compare). */
export function chipsControl(
  name: string,
  label: string,
  options: readonly Option[],
  values: readonly string[],
  onChange: (values: string[]) => void,
): HTMLElement {
  const chosen = new Set(values);
  const chips = options.map((o) =>
    h(
      'button',
      {
        type: 'button',
        class: 'chip',
        'data-value': o.value,
        'aria-pressed': chosen.has(o.value) ? 'true' : 'false',
        onclick: () => {
          if (chosen.has(o.value)) chosen.delete(o.value);
          else chosen.add(o.value);
          onChange(options.map((x) => x.value).filter((v) => chosen.has(v)));
        },
      },
      o.label,
    ),
  );
  return h(
    'div',
    { class: 'control control-chips', role: 'group', 'aria-label': label, 'data-param': name },
    h('span', { class: 'control-label' }, label),
    h('div', { class: 'chips' }, chips),
  );
}

/** A row of filter controls above a page's cards. */
export function toolbar(...controls: (HTMLElement | null)[]): HTMLElement {
  return h('div', { class: 'toolbar', role: 'search' }, controls);
}
