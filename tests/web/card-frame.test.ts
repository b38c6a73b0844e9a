// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../web/src/i18n/index.js';
import { chartFrame, type ChartView } from '../../web/src/ui/card-frame.js';
import { stubLayoutApis } from './jsdom-layout.js';

beforeAll(() => {
  stubLayoutApis();
});

const t = translator('zh');
const view = (over: Partial<ChartView> = {}): ChartView => ({
  draw: () => document.createElement('div'),
  summary: '摘要',
  table: { columns: [{ key: 'a', label: 'a' }], rows: [{ a: 1 }] },
  ...over,
});

describe('the card frame says the period of what it shows', () => {
  it("ends the unit line with the view's period and the source line with its note", async () => {
    const frame = chartFrame({ id: 'c', title: '标题', unit: '人次', source: '数据：合成样例数据', t });
    const unit = () => frame.element.querySelector('.card-unit')!;
    const source = () => frame.element.querySelector('.card-source')!.textContent;
    expect(unit().textContent).toBe('人次');
    await frame.load('2026', async () => view({ period: '2026年1–10月', sourceNote: '省级目标为样例按全国目标分摊的合成数据' }));
    expect(unit().textContent).toBe('人次 · 2026年1–10月');
    expect(source()).toBe('数据：合成样例数据 · 省级目标为样例按全国目标分摊的合成数据');

    // A new scope keeps the period of the data shown until the new data comes.
    frame.setHeading('标题', '全国 · 人次');
    expect(unit().textContent).toBe('全国 · 人次 · 2026年1–10月');
    await frame.load('2025', async () => view({ period: '2025年全年' }));
    expect(unit().textContent).toBe('全国 · 人次 · 2025年全年');
    expect(source()).toBe('数据：合成样例数据');

    // Nothing to show: no period claimed.
    await frame.load('none', async () => null);
    expect(unit().textContent).toBe('全国 · 人次');
  });
  it('shows the period alone when the card has no unit line, and hides an empty line', async () => {
    const frame = chartFrame({ id: 'd', title: '地图', source: '数据', t });
    const unit = frame.element.querySelector<HTMLElement>('.card-unit')!;
    expect(unit.hidden).toBe(true);
    await frame.load('q', async () => view({ period: '2026年第3季度' }));
    expect([unit.textContent, unit.hidden]).toEqual(['2026年第3季度', false]);
  });

  it('changes its source line when the chart switches to a dataset of another date, keeping the note', async () => {
    const frame = chartFrame({ id: 'm', title: '地图', source: '数据：合成样例数据 · 培训数据截至2026年10月', t });
    const source = () => frame.element.querySelector('.card-source')!.textContent;
    await frame.load('ratio', async () => view({ sourceNote: '注' }));
    frame.setSource('数据：合成样例数据 · 劳动力市场数据截至2026年第3季度');
    expect(source()).toBe('数据：合成样例数据 · 劳动力市场数据截至2026年第3季度 · 注');
  });
});
