import { h } from '../ui/dom.js';
import type { ParamField } from '../view-models/data.js';

export type FieldControl = HTMLInputElement | HTMLSelectElement;

/**
 * One field of the parameter form: its label, a select or an input (suggesting values by name and code), its hint
 * and, for a list, a place for the chips of what it holds. `onInput` follows every keystroke; `onCommit` a
 * finished entry (leaving the field, Enter, a choice).
 */
export function paramInput(
  field: ParamField,
  value: string,
  onInput: () => void,
  onCommit: (control: FieldControl) => void,
): { element: HTMLElement; control: FieldControl; chips: HTMLElement | null } {
  const { id } = field;
  const hintId = `${id}-hint`;
  const control: FieldControl = field.choices
    ? h(
        'select',
        { id, name: field.name, 'data-form-param': field.name, 'aria-describedby': hintId },
        h('option', { value: '' }, field.emptyChoice),
        field.choices.map((c) => h('option', { value: c.value, selected: c.value === value }, c.label)),
      )
    : h('input', {
        id,
        name: field.name,
        'data-form-param': field.name,
        type: field.numeric ? 'number' : 'text',
        inputmode: field.numeric ? (field.step ? 'decimal' : 'numeric') : null,
        autocomplete: 'off',
        value,
        placeholder: field.placeholder,
        'aria-describedby': hintId,
        ...(field.range ? { min: field.range.min, max: field.range.max } : {}),
        ...(field.step ? { step: field.step } : {}),
        list: field.suggestions ? `${id}-list` : null,
      });
  control.addEventListener('input', onInput);
  control.addEventListener('change', () => onCommit(control));
  const chips = field.list ? h('div', { class: 'chips param-chips', 'data-chips-for': field.name, 'aria-live': 'polite' }) : null;
  const element = h(
    'div',
    { class: 'form-field' },
    h('label', { for: id }, field.label),
    control,
    field.suggestions
      ? h(
          'datalist',
          { id: `${id}-list` },
          field.suggestions.map((c) => h('option', { value: c.value, label: c.label }, c.label)),
        )
      : null,
    chips,
    h('p', { class: 'field-hint', id: hintId }, field.hint),
  );
  return { element, control, chips };
}

/** The chips of a list field: each value by name and code, with a button that removes it. */
export function fillChips(
  chips: HTMLElement,
  values: readonly { value: string; label: string }[],
  removeLabel: (label: string) => string,
  onRemove: (value: string) => void,
): void {
  chips.replaceChildren(
    ...values.map((v) =>
      h(
        'span',
        { class: 'chip param-chip', 'data-chip': v.value },
        v.label,
        h('button', { type: 'button', class: 'chip-remove', 'aria-label': removeLabel(v.label), onclick: () => onRemove(v.value) }, '×'),
      ),
    ),
  );
}
