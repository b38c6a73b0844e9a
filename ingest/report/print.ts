import type { FileUnderstanding } from './understanding.js';

const factorText = (f: number) => (f === 1 ? '' : ` × ${f.toLocaleString('en-US')}`);

/** How a file was understood, as printed by `npm run ingest -- FILE --dry-run` (and before a refusal's problems). */
export function formatUnderstanding(file: string, u: FileUnderstanding): string {
  const lines: string[] = [];
  const sheet = u.sheet ? `, sheet ${u.sheet}` : '';
  lines.push(`${file} → ${u.dataset} (${u.layout === 'report' ? 'report layout' : 'table with a header in row 1'}${sheet})`);
  for (const m of u.metadata) lines.push(`  ${m.kind.padEnd(5)} row ${m.row}: ${m.text}`);
  if (u.headerRows.length) lines.push(`  header: row${u.headerRows.length > 1 ? 's' : ''} ${u.headerRows.join('–')}`);
  lines.push('  columns:');
  for (const c of u.columns) lines.push(`    ${c.column === c.header ? c.header : `${c.column} ${c.header}`} → ${c.role}`);
  if (u.units.length) {
    const units = u.units.map((x) =>
      x.from === 'stored unit'
        ? `${x.measure} ${x.stored ?? '(its indicator’s unit)'}`
        : x.factor === 1
          ? `${x.measure} ${x.declared}`
          : `${x.measure} ${x.declared} → ${x.stored}${factorText(x.factor)}`,
    );
    const declared = u.units.some((x) => x.from !== 'stored unit')
      ? ' (declared by the unit line or headers; others as stored)'
      : ' (none declared: as stored)';
    lines.push(`  units: ${units.join('; ')}${declared}`);
  }
  if (u.period.from !== 'column' || u.period.text) {
    const values = u.period.values.length ? `${u.period.values.join(', ')} ` : '';
    lines.push(`  period: ${values}from the ${u.period.from === 'columns' ? 'columns' : u.period.from} (${u.period.text})`);
  }
  if (u.province) lines.push(`  province: ${u.province.code} ${u.province.name} (region names looked up within it)`);
  for (const t of u.fromTitle) lines.push(`  from the title: ${t.column} = ${t.code} (${t.name})`);
  if (u.names.length) {
    lines.push('  names:');
    for (const n of u.names) lines.push(`    ${n.column}: ${n.name} → ${n.code} (${n.how})`);
  }
  for (const t of u.totals) {
    const where = t.row !== null ? `row ${t.row} ${t.label}` : `column ${t.column}`;
    const verdict = t.mismatches ? `${t.mismatches} of ${t.checked} figures differ` : `${t.checked} figures match`;
    lines.push(`  total: ${where} covers ${t.covers}: ${verdict} (not stored)`);
  }
  for (const f of u.footnotes) lines.push(`  footnote row ${f.row}: ${f.text}`);
  if (u.rows) lines.push(`  rows: ${u.rows.data} data row(s) of the file → ${u.rows.output} row(s) of ${u.dataset}`);
  return lines.join('\n');
}
