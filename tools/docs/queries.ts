import type { QueryDefinition } from '../../queries/lib/define.js';
import { exampleUrl } from '../../queries/lib/example.js';
import type { Registry } from '../../queries/registry.js';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function paramLine(name: string, definition: QueryDefinition): string {
  const spec = definition.params[name];
  const allowed = spec.allowed ? `one of ${spec.allowed.join(', ')}` : spec.allowedFrom ? `codes in \`${spec.allowedFrom.table}\`${spec.allowedFrom.where ? ` where ${spec.allowedFrom.where}` : ''}` : spec.min !== undefined ? `${spec.min}–${spec.max}` : '';
  const fallback = spec.default !== null ? `\`${String(spec.default)}\`` : (spec.defaultNote ?? 'none');
  return `| \`${name}\` | ${cell(spec.label.en)} / ${cell(spec.label.zh)} | ${spec.list ? 'list' : spec.sqlType.toLowerCase()} | ${cell(fallback)} | ${cell(allowed)} |`;
}



function section(base: string, definition: QueryDefinition): string {
  const columns = definition.columns.map((c) => `\`${c.name}\`${c.unit ? ` (${c.unit.en})` : ''}`).join(', ');
  return [
    `### \`${definition.name}\` — ${definition.title.en} / ${definition.title.zh}`,
    '',
    definition.description.en,
    '',
    definition.description.zh,
    '',
    '| parameter | meaning | type | default | allowed |',
    '|---|---|---|---|---|',
    ...Object.keys(definition.params).map((name) => paramLine(name, definition)),
    '',
    `Columns: ${columns || 'as in the table'}.`,
    '',
    `Example: \`GET ${exampleUrl(base, definition)}\``,
    '',
  ].join('\n');
}

/** Markdown reference of a registry: every query with its parameters, columns and an example URL. */
export function documentRegistry(base: string, registry: Registry): string {
  return [...registry.values()].map((definition) => section(base, definition)).join('\n');
}
