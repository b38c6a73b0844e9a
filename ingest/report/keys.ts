import type { ColumnSpec } from '../../core/datasets/index.js';
import type { Problem } from '../problem.js';
import type { ReportLayout } from './layout.js';
import type { Candidate, ReferenceNames, Resolution } from './names.js';
import type { FileUnderstanding } from './understanding.js';

const listCandidates = (cs: Candidate[]) => cs.map((c) => `${c.code} (${c.place})`).join(', ');

function resolutionReason(name: string, r: Exclude<Resolution, { kind: 'found' }>, table: string, scope: string | null): string {
  if (r.kind === 'ambiguous') return `ambiguous name: ${name} is ${listCandidates(r.candidates)}; write the code or a fuller name`;
  const where = scope ? ` in ${scope}` : '';
  const elsewhere = r.elsewhere.length ? `; elsewhere: ${listCandidates(r.elsewhere)}` : '';
  return `unknown name: no ${table} named ${name}${where}${elsewhere}`;
}

/** Resolves the names in a report's cells to codes, within the file's province, remembering each mapping. */
export class CellNames {
  private readonly log = new Map<string, FileUnderstanding['names'][number]>();
  /** The province named by the title or file name (one only), which scopes region names. */
  readonly province: string | null;

  constructor(
    private readonly names: ReferenceNames,
    metaText: string,
  ) {
    const regions = names.get('region')!;
    const hit = regions.namedIn(metaText, (c) => regions.isProvince(c));
    this.province = hit && hit.codes.length === 1 ? hit.codes[0] : null;
  }

  /** A code, or the text itself with the reason it resolves to none (validation then refuses it with that reason). */
  resolve(column: ColumnSpec, text: string): { code: string; reason?: string } {
    const index = column.references ? this.names.get(column.references.table) : undefined;
    if (!index) return { code: text };
    const scope = index.table === 'region' ? this.province : null;
    const r = index.resolve(text, scope);
    if (r.kind === 'found') {
      if (r.how !== 'code') this.log.set(`${column.name}\t${text}`, { column: column.name, name: text, code: r.code, how: r.how });
      return { code: r.code };
    }
    return { code: text, reason: resolutionReason(text, r, index.table, scope ? this.names.get('region')!.place(scope) : null) };
  }

  mappings(): FileUnderstanding['names'] {
    return [...this.log.values()];
  }

  provinceUnderstood(): FileUnderstanding['province'] {
    return this.province ? { code: this.province, name: this.names.get('region')!.place(this.province) } : null;
  }
}

/** Keys with no column of their own (nor named by a header), taken from the title or file name when it names one. */
export function titleKeys(
  layout: ReportLayout,
  names: ReferenceNames,
  metaText: string,
  titleRow: number,
  problems: Problem[],
): { keys: Record<string, string>; understood: FileUnderstanding['fromTitle'] } {
  const keys: Record<string, string> = {};
  const understood: FileUnderstanding['fromTitle'] = [];
  const { spec, columns, periodColumn } = layout;
  for (const k of spec.columns.filter((c) => c.key && c !== periodColumn)) {
    const inColumns = columns.some((c) => (c.kind === 'label' && c.target === k.name) || c.keys?.[k.name] !== undefined);
    if (inColumns) continue;
    const index = k.references ? names.get(k.references.table) : undefined;
    const hit = index?.namedIn(metaText);
    if (!hit) {
      const what = k.references?.table ?? k.name;
      problems.push({
        line: titleRow,
        column: k.name,
        value: null,
        reason: `no ${k.label.zh} (${k.name}) column, and the title names no ${what}`,
      });
    } else if (hit.codes.length > 1) {
      const named = hit.codes.map((code) => `${code} (${index!.place(code)})`).join(', ');
      const reason = `the title names several: ${named}; give a ${k.label.zh} column, or name one`;
      problems.push({ line: titleRow, column: k.name, value: hit.codes.map((code) => index!.place(code)).join('、'), reason });
    } else {
      keys[k.name] = hit.codes[0];
      understood.push({ column: k.name, name: hit.name, code: hit.codes[0] });
    }
  }
  return { keys, understood };
}
