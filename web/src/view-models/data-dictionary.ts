import type { ColumnKind } from '../../../core/wire.js';
import type { Lang } from '../i18n/format.js';
import { pick, type MessageKey, type Translate } from '../i18n/index.js';
import type { AnyEntry, ColumnRules } from './data-catalog.js';

/** One line of the data dictionary: a column of the export with its names, type, unit and rules. */
export interface DictionaryRow {
  name: string;
  labelZh: string;
  labelEn: string;
  type: string;
  unit: string;
  rules: string[];
}

const kindKeys: Record<ColumnKind, MessageKey> = {
  string: 'dataTypeString',
  integer: 'dataTypeInteger',
  number: 'dataTypeNumber',
  date: 'dataTypeDate',
  boolean: 'dataTypeBoolean',
};

/** The rules of a column of the dataset's own table, in the words of the language. */
export function ruleTexts(rules: ColumnRules, t: Translate): string[] {
  return [
    rules.key ? t('dataRuleKey') : rules.required ? t('dataRuleRequired') : null,
    t('dataRuleStored', { type: rules.stored_as }),
    rules.min !== undefined ? t('dataRuleMin', { value: rules.min }) : null,
    rules.max !== undefined ? t('dataRuleMax', { value: rules.max }) : null,
    rules.allowed ? t('dataRuleAllowed', { values: rules.allowed.join(', ') }) : null,
    rules.references ? t('dataRuleReferences', { table: rules.references.table, column: rules.references.column }) : null,
    rules.references?.also_allowed ? t('dataRuleAlsoAllowed', { values: rules.references.also_allowed.join(', ') }) : null,
  ].filter((text): text is string => text !== null);
}

/**
 * Every column the entry returns, in order. A dataset's columns that belong to its table carry the table's rules;
 * the others (names and levels beside a code) are joined from reference tables. An analytic's columns have no rules.
 */
export function dictionaryRows(entry: AnyEntry, lang: Lang, t: Translate): DictionaryRow[] {
  const tableRules = entry.table ? (entry.rules ?? {}) : null;
  return entry.columns.map((column) => {
    const rules = tableRules?.[column.name];
    return {
      name: column.name,
      labelZh: column.label.zh,
      labelEn: column.label.en,
      type: t(kindKeys[column.type]),
      unit: pick(column.unit, lang),
      rules: rules ? ruleTexts(rules, t) : tableRules ? [t('dataRuleJoined')] : [],
    };
  });
}
