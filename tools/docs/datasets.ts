import { sqlType } from '../../core/column-sql.js';
import { datasets, type DatasetSpec } from '../../core/datasets/index.js';

const cell = (text: string) => text.replaceAll('|', '\\|');

function datasetSection(spec: DatasetSpec): string {
  const keys = spec.columns.filter((c) => c.key).map((c) => `\`${c.name}\``).join(', ');
  const rows = spec.columns.map((c) => {
    const rules = [
      c.key ? 'key' : c.required ? 'required' : 'optional',
      c.allowed ? `one of ${c.allowed.join(', ')}` : '',
      c.references ? `→ ${c.references.table}.${c.references.column}${c.references.alsoAllowed ? ` or ${c.references.alsoAllowed.join(', ')}` : ''}` : '',
      c.type === 'count' ? '≥ 0' : '',
      c.min !== undefined ? `≥ ${c.min}` : '',
      c.max !== undefined ? `≤ ${c.max}` : '',
      c.defaultFromFile ? 'defaults to the file name' : '',
      c.description ?? '',
    ].filter(Boolean);
    const headers = [c.name, ...(c.aliases ?? [])].map((h) => `\`${h}\``).join(', ');
    const unit = c.unit ? `${c.unit.en} / ${c.unit.zh}` : '';
    return `| \`${c.name}\` | ${sqlType[c.type]} (${c.type}) | ${cell(c.label.en)} / ${cell(c.label.zh)} | ${unit} | ${cell(rules.join('; '))} | ${headers} |`;
  });
  return [
    `### \`${spec.table}\` — ${spec.label.en} / ${spec.label.zh}`,
    '',
    `${spec.kind === 'fact' ? 'Fact' : 'Reference'} table. Grain: ${spec.grain}. Key: ${keys}.`,
    '',
    '| column | type | name (en / zh) | unit | rules | accepted headers |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** The tables section of docs/data-model.md, generated from the dataset declarations. */
export function documentDatasets(): string {
  return datasets.map(datasetSection).join('\n');
}
