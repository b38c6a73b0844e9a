import { col, defineQuery } from './lib/define.js';
import { annualTargetParams, asOfInYear } from './lib/common-params.js';

const volume = { zh: '项目单位', en: "the programme's unit" };

export default defineQuery({
  name: 'annual-target-path',
  title: { zh: '年度目标进度路径', en: 'Path towards the annual target' },
  description: {
    zh:
      '与“年度目标完成进度”参数和口径相同，逐月（1–12月）给出：当月完成量和累计完成量（截至月份之后为空）、季节性预期累计（目标 × 前三个完整年份1月至该月占全年比重的平均值；无历史为空）、线性预期累计（目标 × 月序/12）、' +
      '自截至月份起至12月的预计累计（有季节性参考时 = 累计 × 该月季节性累计比重 ÷ 截至月份的比重，低/高为各参考年份自身比重得出的最低/最高；无参考时 = 累计 + 近3个月月均 × 之后的月数，低/高用近3个月的最低/最高月量），以及年度目标。12月的预计即“年度目标完成进度”的年末预计。',
    en:
      "Same parameters and definitions as annual-target-progress, one row per month of the year: monthly and cumulative volume (null after the as-of month), the seasonal expected cumulative path (target × the share of the year's volume that fell in January..that month, averaged over the three latest complete years before; null without history), " +
      "the linear path (target × month / 12), the projection from the as-of month to December (with a seasonal profile: cumulative × the profile's share by that month ÷ its share by the as-of month, with a low/high band from the lowest and highest that each history year's own shares give; without one: cumulative + recent monthly rate × months after the as-of month, the band from the lowest and highest of the last three months), and the target. December's projection is annual-target-progress's projected_year_end.",
  },
  module: import.meta.url,
  check: asOfInYear,
  params: annualTargetParams,
  columns: [
    col('month', 'string', '月份', 'Month'),
    col('actual_monthly', 'integer', '当月完成', 'Monthly actual', volume),
    col('cumulative_actual', 'integer', '累计完成', 'Cumulative actual', volume),
    col('expected_cumulative_seasonal', 'number', '季节性预期累计', 'Expected cumulative (seasonal)', volume),
    col('expected_cumulative_linear', 'number', '线性预期累计', 'Expected cumulative (linear)', volume),
    col('projected_cumulative', 'number', '预计累计', 'Projected cumulative', volume),
    col('projected_low', 'number', '预计累计（低）', 'Projected cumulative (low)', volume),
    col('projected_high', 'number', '预计累计（高）', 'Projected cumulative (high)', volume),
    col('target', 'number', '年度目标', 'Annual target', volume),
  ],
});
