import { describe, expect, it } from 'vitest';
import { denominatorFootnote } from '../../web/src/view-models/common.js';

const hebei = {
  name_zh: '河北省',
  name_en: 'Hebei',
  denominator_note_zh: '人口为普查地市表之和',
  denominator_note_en: "population is the table's sum",
};
const beijing = { name_zh: '北京市', name_en: 'Beijing', denominator_note_zh: null, denominator_note_en: null };
const jilin = { name_zh: '吉林省', name_en: 'Jilin', denominator_note_zh: '不含通化市', denominator_note_en: 'leaves out Tonghua' };

describe('the footnote on incomplete census denominators', () => {
  it('names each noted region once, with its note, in the language', () => {
    // Hebei appears on four indicator rows of a profile: one footnote entry.
    expect(denominatorFootnote([hebei, beijing, hebei, jilin, hebei], 'en')).toBe(
      "Hebei: population is the table's sum; Jilin: leaves out Tonghua",
    );
    expect(denominatorFootnote([jilin, hebei], 'zh')).toBe('吉林省：不含通化市；河北省：人口为普查地市表之和');
  });

  it('is null when no row carries a note', () => {
    expect(denominatorFootnote([beijing], 'zh')).toBeNull();
    expect(denominatorFootnote([], 'en')).toBeNull();
  });
});
