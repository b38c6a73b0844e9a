import type { Submission } from '../../../core/submission.js';
import { getCatalog } from '../api.js';
import type { Lang } from '../i18n/format.js';
import { pick, type Translate } from '../i18n/index.js';
import { describeError } from '../ui/card-frame.js';
import { h, replace } from '../ui/dom.js';
import { figureHeading, previewLines, previewPlan, type PreviewPlan } from '../view-models/submission-preview.js';
import { liveAnalytic, previewAnalytic, type AnalyticAnswer } from './submissions-client.js';

/** How long the preview waits for the ingest worker to build the candidate before saying it is still building. */
const PATIENCE_MS = 180_000;

const pause = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/**
 * The embargo preview of a validated submission, for planners: a before/after table of the analytic that fits its
 * dataset (view-models/submission-preview.ts) in its province — the value served now, the candidate's (the live
 * data with the file ingested, never published) and the difference, each with its period — and a statement that
 * the preview is not published. The candidate is asked for until the ingest worker has built it.
 */
export function previewSection(
  submission: Submission,
  options: { t: Translate; lang: Lang; provinceName: (code: string) => string },
): HTMLElement {
  const { t, lang } = options;
  const headingId = `preview-heading-${submission.id}`;
  const body = h('div', { class: 'preview-body', 'aria-live': 'polite' });
  const section = h(
    'section',
    { class: 'submission-preview', 'aria-labelledby': headingId, 'data-preview': submission.id },
    h('h3', { id: headingId }, t('previewHeading')),
    h('p', { class: 'preview-embargo', role: 'note' }, t('previewNotPublished')),
    body,
  );
  const plan = previewPlan(submission);
  if (!plan) {
    body.append(h('p', { class: 'access-note' }, t('previewNoPlan')));
    return section;
  }
  const busy = (text: string) => {
    body.setAttribute('aria-busy', 'true');
    replace(body, h('p', { class: 'access-note following', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text));
  };
  busy(t('previewBuilding'));
  void (async () => {
    try {
      const [live, candidate, title] = await Promise.all([
        liveAnalytic(plan.query, plan.params),
        candidateOf(submission.id, plan, () => section.isConnected),
        getCatalog().then(
          (catalog) => catalog.queries.find((q) => q.name === plan.query),
          () => undefined,
        ),
      ]);
      if (!candidate) return replace(body, h('p', { class: 'access-note' }, t('previewTimedOut')));
      const scope = submission.province ? options.provinceName(submission.province) : t('nation');
      body.removeAttribute('aria-busy');
      replace(body, table(plan, live, candidate, scope, title ? pick(title.title, lang) : plan.query, options));
    } catch (error) {
      body.removeAttribute('aria-busy');
      replace(body, h('p', { class: 'state state-error', role: 'alert' }, t('previewUnavailable', { detail: describeError(error, t) })));
    }
  })();
  return section;
}

/** Asks for the candidate's answer until it is built (or the section is gone, or patience runs out: null). */
async function candidateOf(
  id: string,
  plan: PreviewPlan,
  wanted: () => boolean,
): Promise<(AnalyticAnswer & { base: string | null }) | null> {
  const until = Date.now() + PATIENCE_MS;
  while (Date.now() < until) {
    const answer = await previewAnalytic(id, plan.query, plan.params);
    if (answer.state === 'ready') return answer;
    if (!wanted()) return null;
    await pause(Math.min(answer.retryAfterMs, 5000));
  }
  return null;
}

function table(
  plan: PreviewPlan,
  live: AnalyticAnswer,
  candidate: AnalyticAnswer & { base: string | null },
  scope: string,
  analytic: string,
  options: { t: Translate; lang: Lang },
): HTMLElement[] {
  const { t, lang } = options;
  const lines = previewLines(plan.figures(live.rows, lang, t), plan.figures(candidate.rows, lang, t), lang, t);
  const caption = t('previewCaption', { scope, analytic });
  const valueCell = (value: string, period: string) =>
    h('td', { class: 'num' }, h('span', { class: 'preview-value' }, value), h('span', { class: 'preview-period' }, period));
  return [
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': caption },
      h(
        'table',
        { class: 'data-table preview-table' },
        h('caption', {}, caption),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [figureHeading(plan, t), t('previewColLive'), t('previewColCandidate'), t('previewColDifference')].map((label) =>
              h('th', { scope: 'col' }, label),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          lines.map((line) =>
            h(
              'tr',
              { 'data-figure': line.key, 'data-changed': String(line.changed) },
              h('th', { scope: 'row' }, line.label),
              valueCell(line.live, line.livePeriod),
              valueCell(line.candidate, line.candidatePeriod),
              h('td', { class: 'num preview-difference' }, line.difference),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'table-note' }, t('previewVersions', { live: live.version ?? '–', candidate: candidate.version ?? '–' })),
  ];
}
