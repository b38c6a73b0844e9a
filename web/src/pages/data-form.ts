import { h } from '../ui/dom.js';
import type { ParamField } from '../view-models/data.js';

/** One field of the parameter form: its label, a select or an input (with suggestions), and its hint. */
export function paramInput(field: ParamField, value: string, onChange: (value: string) => void): HTMLElement {
  const { id } = field;
  const input = field.choices
    ? h(
        'select',
        { id, name: field.name, 'data-form-param': field.name },
        h('option', { value: '' }, field.emptyChoice),
        field.choices.map((a) => h('option', { value: a, selected: a === value }, a)),
      )
    : h('input', {
        id,
        name: field.name,
        'data-form-param': field.name,
        type: field.numeric ? 'number' : 'text',
        value,
        placeholder: field.placeholder,
        ...(field.range ? { min: field.range.min, max: field.range.max } : {}),
        ...(field.step ? { step: field.step } : {}),
        list: field.suggestions ? `${id}-list` : null,
      });
  input.addEventListener('change', () => onChange(input.value.trim()));
  return h(
    'div',
    { class: 'form-field' },
    h('label', { for: id }, field.label),
    input,
    field.suggestions
      ? h(
          'datalist',
          { id: `${id}-list` },
          field.suggestions.map((a) => h('option', { value: a })),
        )
      : null,
    h('p', { class: 'field-hint' }, field.hint),
  );
}
