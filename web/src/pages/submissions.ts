import { ApiError, checkDataVersion, getDatasets } from '../api.js';
import { currentSession } from '../access/session.js';
import { accessForm } from '../access/form.js';
import { previewSection } from '../access/submission-preview.js';
import {
  approveSubmission,
  getSubmission,
  listSubmissions,
  returnSubmission,
  uploadSubmission,
  withdrawSubmission,
} from '../access/submissions-client.js';
import { pick, type Translate } from '../i18n/index.js';
import { carried, formatState } from '../state.js';
import { describeError } from '../ui/card-frame.js';
import { selectControl } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { abilities, provinceNamer, roleLabel, actingRole } from '../view-models/access.js';
import {
  describeStatusChange,
  isBeingPublished,
  listMayChange,
  newlyPublished,
  queueRows,
  reportView,
  statusView,
  submissionActions,
  submissionStatuses,
  submissionLines,
  type Namers,
  type Submission,
  type SubmissionStatus,
} from '../view-models/submission.js';
import type { PageContext, PageMount } from './context.js';
import '../access/access.css';

/** How often an approved submission is asked about until the ingest worker has published it. */
const FOLLOW_MS = 2000;
/** How often the list is read again while the page is visible and a submission in it awaits a decision. */
const LIST_MS = 10_000;
/** How often, and how many times, the server is asked whether it serves a newly published snapshot yet. */
const VERSION_MS = 1000;
const VERSION_TRIES = 15;

/**
 * Submissions: an official uploads a file and reads its validation report (problems by row, column, value and
 * reason), withdraws or submits a corrected file; a planner reviews the queue and approves or returns with a
 * reason, then follows the approved submission until it is published. The chosen submission (`id`) and the
 * queue's status filter (`status`) are in the URL.
 */
export const mountSubmissions: PageMount = (root, first) => {
  const { t, lang } = first;
  const session = currentSession();
  const can = abilities(session);
  const names: Namers = { province: provinceNamer(first.refs.provinces, lang), dataset: (name) => name };
  const body = h('div', { class: 'submissions' });
  const live = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, t('pageSubmissions')),
      h('p', {}, t(can.decide ? 'submissionsIntroPlanner' : 'submissionsIntroOfficial')),
    ),
    body,
    live,
  );

  const gate = gateMessage(first, t);
  if (gate) {
    body.append(gate);
    return { update() {} };
  }

  // Datasets are named by their catalog titles; without the catalog, by their names.
  const datasetTitles = getDatasets().then(
    (catalog) => {
      const titles = new Map(catalog.datasets.map((d) => [d.name, pick(d.title, lang)]));
      names.dataset = (name) => {
        const title = titles.get(name);
        return !title ? name : lang === 'zh' ? `${title}（${name}）` : `${title} (${name})`;
      };
    },
    () => undefined,
  );

  let ctx: PageContext = first;
  let shown: Submission | null = null;
  let all: Submission[] = [];
  let loaded = false;
  let follow = 0;
  let listTimer = 0;
  /** The preview of each validated submission shown, kept while it stays validated (its candidate is costly). */
  const previews = new Map<string, HTMLElement>();
  const say = (text: string | null) => {
    if (text) live.textContent = text;
  };

  const detail = h('section', { class: 'submission-detail', 'aria-labelledby': 'submission-heading', hidden: true });
  const queue = h('section', { class: 'submission-queue', 'aria-labelledby': 'queue-heading', 'aria-busy': 'true' });
  const upload = can.submit ? uploadForm() : null;
  body.append(h('div', { class: 'submissions-top' }, upload?.element ?? null, detail), queue);

  function uploadForm() {
    const heading = h('h2', { id: 'upload-heading' }, t('uploadHeading'));
    const file = h('input', {
      id: 'upload-file',
      type: 'file',
      name: 'file',
      accept: '.csv,.txt,.tsv,.xlsx,.xlsm,.parquet,.json,.ndjson,.jsonl',
      'aria-describedby': 'upload-file-hint',
    });
    const gb18030 = h('input', { id: 'upload-gb18030', type: 'checkbox', name: 'encoding' });
    const submit = h('button', { type: 'submit', class: 'primary' }, t('uploadSubmit'));
    const progress = h('p', { class: 'form-progress', role: 'status' });
    const message = h('p', { class: 'form-message', role: 'alert' });
    const element = h(
      'section',
      { class: 'access-panel upload-panel', 'aria-labelledby': 'upload-heading' },
      heading,
      accessForm(
        '',
        async () => {
          message.textContent = '';
          const chosen = file.files?.[0];
          if (!chosen) {
            message.textContent = t('uploadChooseFile');
            file.focus();
            return;
          }
          submit.disabled = true;
          progress.textContent = t('uploadWorking', { file: chosen.name });
          try {
            const submission = await uploadSubmission(chosen, { gb18030: gb18030.checked });
            progress.textContent = '';
            file.value = '';
            remember(submission);
            showDetail(submission, true);
            say(
              t('announceUploaded', {
                file: submission.fileName,
                status: statusView(submission.status, t).label,
                count: submission.report.problemCount,
              }),
            );
            ctx.set({ id: submission.id });
          } catch (error) {
            progress.textContent = '';
            message.textContent = uploadError(error, t);
          } finally {
            submit.disabled = false;
          }
        },
        h('label', { for: 'upload-file' }, t('uploadFileLabel')),
        file,
        h('p', { class: 'field-hint', id: 'upload-file-hint' }, t('uploadFileHint')),
        h('div', { class: 'check' }, gb18030, h('label', { for: 'upload-gb18030' }, t('uploadGb18030'))),
        h('div', { class: 'form-actions' }, submit),
        progress,
        message,
      ),
    );
    return {
      element,
      /** After a refusal or a return the form invites the corrected file. */
      invite(status: SubmissionStatus | null) {
        heading.textContent = t(status === 'refused' || status === 'returned' ? 'uploadResubmitHeading' : 'uploadHeading');
      },
    };
  }

  function remember(submission: Submission) {
    all = [submission, ...all.filter((s) => s.id !== submission.id)];
    if (submission.status !== 'validated') previews.delete(submission.id);
    drawQueue();
    if (loaded) scheduleList();
  }

  async function refreshQueue() {
    const before = all;
    const wasLoaded = loaded;
    try {
      [all] = await Promise.all([listSubmissions(), datasetTitles]);
      loaded = true;
      drawQueue();
      if (wasLoaded) {
        const published = newlyPublished(before, all);
        if (published.length) void followDataVersion(published[0]!);
        // The submission shown changed status meanwhile (decided by someone else, or published): drawn again.
        const now = shown && all.find((s) => s.id === shown!.id);
        if (now && now.status !== shown!.status) showDetail(now);
      }
      scheduleList();
    } catch (error) {
      // A list already shown stays while a later reading fails; it is tried again in a while.
      if (wasLoaded) return scheduleList();
      queue.removeAttribute('aria-busy');
      replace(
        queue,
        h('h2', { id: 'queue-heading' }, queueTitle()),
        h('p', { class: 'state state-error', role: 'alert' }, describeError(error, t)),
      );
    }
  }

  /**
   * Reads the list again in a while, while the page is shown and visible and a submission in it may still change
   * status; a hidden page stops asking, and asks at once when it is shown again.
   */
  function scheduleList() {
    window.clearTimeout(listTimer);
    if (!body.isConnected || document.visibilityState !== 'visible' || !listMayChange(all)) return;
    listTimer = window.setTimeout(() => {
      if (body.isConnected && document.visibilityState === 'visible') void refreshQueue();
    }, LIST_MS);
  }

  const onVisibility = () => {
    if (!body.isConnected) return document.removeEventListener('visibilitychange', onVisibility);
    if (document.visibilityState === 'visible') {
      if (loaded && listMayChange(all)) void refreshQueue();
    } else window.clearTimeout(listTimer);
  };
  document.addEventListener('visibilitychange', onVisibility);

  /** After a publication, asks the server until it serves the new snapshot: the header's data version follows. */
  async function followDataVersion(snapshot: string) {
    for (let i = 0; i < VERSION_TRIES && body.isConnected; i++) {
      const served = await checkDataVersion().catch(() => null);
      if (served !== null && served >= snapshot) return;
      await new Promise((resolve) => window.setTimeout(resolve, VERSION_MS));
    }
  }

  const queueTitle = () => t(can.decide ? 'queueHeadingPlanner' : 'queueHeading');

  function drawQueue() {
    // Nothing is said of the list before it has come (an empty list would say there are no submissions).
    if (!loaded) return;
    queue.removeAttribute('aria-busy');
    const filter = ctx.state.params.status ?? '';
    const rows = queueRows(
      all.filter((s) => !filter || s.status === filter),
      names,
      t,
    );
    const statusFilter = selectControl(
      'status',
      t('queueStatusFilter'),
      [{ value: '', label: t('queueAllStatuses') }, ...submissionStatuses.map((s) => ({ value: s, label: statusView(s, t).label }))],
      filter,
      (value) => ctx.set({ status: value }),
    );
    replace(
      queue,
      h('div', { class: 'queue-head' }, h('h2', { id: 'queue-heading' }, queueTitle()), statusFilter),
      rows.length === 0
        ? h('p', { class: 'access-note' }, t('queueEmpty'))
        : h(
            'div',
            { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'queue-heading' },
            h(
              'table',
              { class: 'data-table queue-table' },
              h('caption', {}, t('queueCaption', { count: rows.length })),
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  [
                    t('colFile'),
                    t('colStatus'),
                    t('colSubmittedAt'),
                    t('colProvince'),
                    t('colDataset'),
                    t('colSubmittedBy'),
                    t('colRows'),
                  ].map((label) => h('th', { scope: 'col' }, label)),
                ),
              ),
              h(
                'tbody',
                {},
                rows.map((row) =>
                  h(
                    'tr',
                    { 'data-submission': row.id, 'aria-current': row.id === ctx.state.params.id ? 'true' : null },
                    h(
                      'th',
                      { scope: 'row' },
                      h(
                        'a',
                        {
                          href: formatState({ page: 'submissions', lang, params: { ...ctx.state.params, id: row.id } }),
                          onclick: (event: MouseEvent) => {
                            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                            event.preventDefault();
                            ctx.set({ id: row.id });
                          },
                        },
                        row.fileName,
                      ),
                    ),
                    h('td', {}, statusBadge(row.status)),
                    h('td', {}, row.submittedAt),
                    h('td', {}, row.province),
                    h('td', {}, row.dataset),
                    h('td', {}, row.submittedBy),
                    h('td', { class: 'num' }, row.rows),
                  ),
                ),
              ),
            ),
          ),
    );
  }

  function statusBadge(view: ReturnType<typeof statusView>): HTMLElement {
    return h(
      'span',
      { class: `submission-status tone-${view.tone}`, 'data-status': view.status },
      h('span', { 'aria-hidden': 'true' }, view.symbol),
      ` ${view.label}`,
    );
  }

  /** Draws a submission; `focus` moves the keyboard there (after an upload, to its report). */
  function showDetail(submission: Submission, focus = false) {
    const previous = shown;
    shown = submission;
    upload?.invite(submission.status);
    const actions = submissionActions(submission, session);
    const report = reportView(submission.report, lang, t);
    const message = h('p', { class: 'form-message', role: 'alert' });
    const act = async (button: HTMLButtonElement, run: () => Promise<Submission>) => {
      button.disabled = true;
      message.textContent = '';
      try {
        const next = await run();
        remember(next);
        showDetail(next);
        say(describeStatusChange(submission, next, t));
      } catch (error) {
        message.textContent = actionError(error, t);
        button.disabled = false;
      }
    };
    const reasonId = `return-reason-${submission.id}`;
    const reason = h('textarea', { id: reasonId, name: 'reason', rows: 3, required: true });
    const returnSubmit = h('button', { type: 'submit' }, t('returnSubmit'));
    const returnForm = accessForm(
      'return-form',
      async () => {
        const text = reason.value.trim();
        if (!text) {
          message.textContent = t('returnReasonEmpty');
          reason.focus();
          return;
        }
        await act(returnSubmit, () => returnSubmission(submission.id, text));
      },
      h('label', { for: reasonId }, t('returnReasonLabel')),
      reason,
      h('div', { class: 'form-actions' }, returnSubmit),
    );
    returnForm.hidden = true;
    returnForm.id = `return-form-${submission.id}`;
    const heading = h('h2', { id: 'submission-heading', tabindex: -1 }, t('detailHeading', { file: submission.fileName }));
    detail.hidden = false;
    detail.dataset.submission = submission.id;
    replace(
      detail,
      heading,
      h('p', {}, statusBadge(statusView(submission.status, t))),
      submissionLines(submission, names, t).map((line) => h('p', { class: 'submission-line' }, line)),
      isBeingPublished(submission.status)
        ? h(
            'p',
            { class: 'access-note following' },
            h('span', { class: 'spinner', 'aria-hidden': 'true' }),
            t('detailFollowing', { seconds: FOLLOW_MS / 1000 }),
          )
        : null,
      actions.withdraw || actions.approve || actions.return
        ? h(
            'div',
            { class: 'form-actions submission-actions' },
            actions.approve
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'primary',
                    'data-action': 'approve',
                    onclick: (event: Event) => void act(event.currentTarget as HTMLButtonElement, () => approveSubmission(submission.id)),
                  },
                  t('actionApprove'),
                )
              : null,
            actions.return
              ? h(
                  'button',
                  {
                    type: 'button',
                    'data-action': 'return',
                    'aria-expanded': 'false',
                    'aria-controls': `return-form-${submission.id}`,
                    onclick: (event: Event) => {
                      const button = event.currentTarget as HTMLButtonElement;
                      returnForm.hidden = !returnForm.hidden;
                      button.setAttribute('aria-expanded', String(!returnForm.hidden));
                      if (!returnForm.hidden) reason.focus();
                    },
                  },
                  t('actionReturn'),
                )
              : null,
            actions.withdraw
              ? h(
                  'button',
                  {
                    type: 'button',
                    'data-action': 'withdraw',
                    onclick: (event: Event) => void act(event.currentTarget as HTMLButtonElement, () => withdrawSubmission(submission.id)),
                  },
                  t('actionWithdraw'),
                )
              : null,
          )
        : null,
      actions.return ? returnForm : null,
      message,
      can.decide && submission.status === 'validated' ? previewOf(submission) : null,
      h('h3', {}, t('reportHeading')),
      h('p', { class: 'report-counts' }, report.counts),
      report.periods ? h('p', {}, report.periods) : null,
      submission.report.understanding
        ? h(
            'details',
            { class: 'report-understanding' },
            h('summary', {}, t('reportUnderstanding')),
            h('pre', { lang: 'en' }, submission.report.understanding),
          )
        : null,
      report.problems.length
        ? h(
            'div',
            { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': report.caption },
            h(
              'table',
              { class: 'data-table problems-table' },
              h('caption', {}, report.caption),
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  [t('colRow'), t('colColumn'), t('colValue'), t('colReason')].map((label) => h('th', { scope: 'col' }, label)),
                ),
              ),
              h(
                'tbody',
                {},
                report.problems.map((p) =>
                  h(
                    'tr',
                    {},
                    h('td', { class: 'num' }, p.row),
                    h('td', {}, h('code', {}, p.column)),
                    h('td', { class: p.empty ? 'empty-value' : null }, p.empty ? p.value : h('code', {}, p.value)),
                    h('td', { lang: p.reasonLang === lang ? null : p.reasonLang === 'en' ? 'en' : 'zh-CN' }, p.reason),
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'access-note' }, report.caption),
      report.shownNote ? h('p', { class: 'table-note' }, report.shownNote) : null,
    );
    if (focus) heading.focus();
    if (previous && previous.id === submission.id && previous.status !== submission.status)
      say(describeStatusChange(previous, submission, t));
    followIfPublishing(submission);
  }

  function previewOf(submission: Submission): HTMLElement {
    const kept = previews.get(submission.id);
    if (kept) return kept;
    const section = previewSection(submission, { t, lang, provinceName: names.province });
    previews.set(submission.id, section);
    return section;
  }

  /** Asks again about an approved submission until the ingest worker has decided (published or failed). */
  function followIfPublishing(submission: Submission) {
    window.clearTimeout(follow);
    if (!isBeingPublished(submission.status)) return;
    follow = window.setTimeout(async () => {
      if (!body.isConnected || shown?.id !== submission.id) return;
      try {
        const next = await getSubmission(submission.id);
        if (!body.isConnected || shown?.id !== submission.id) return;
        if (next.status !== submission.status) remember(next);
        showDetail(next);
        if (next.status === 'published' && next.snapshotId) void followDataVersion(next.snapshotId);
      } catch {
        followIfPublishing(submission);
      }
    }, FOLLOW_MS);
  }

  async function openSubmission(id: string) {
    const known = all.find((s) => s.id === id);
    if (known) return showDetail(known);
    try {
      const [submission] = await Promise.all([getSubmission(id), datasetTitles]);
      showDetail(submission);
    } catch (error) {
      shown = null;
      detail.hidden = false;
      replace(
        detail,
        h('h2', { id: 'submission-heading' }, t('detailHeading', { file: id })),
        h(
          'p',
          { class: 'state state-error', role: 'alert' },
          error instanceof ApiError && error.status === 404 ? t('detailNotFound', { id }) : describeError(error, t),
        ),
      );
    }
  }

  void refreshQueue();
  return {
    update(next) {
      ctx = next;
      const id = next.state.params.id ?? '';
      if (id && shown?.id !== id) void openSubmission(id);
      if (!id) {
        shown = null;
        detail.hidden = true;
        upload?.invite(null);
      }
      drawQueue();
    },
  };
};

/** Why the page cannot be used by this visitor (with a way to sign in), or null when it can. */
function gateMessage(ctx: PageContext, t: Translate): HTMLElement | null {
  const session = currentSession();
  if (!session) return h('p', { class: 'state state-error', role: 'alert' }, t('signInUnavailable'));
  if (abilities(session).submit) return null;
  if (session.mode === 'enforced' && !session.user)
    return h(
      'p',
      { class: 'access-note' },
      t('submissionsSignInFirst'),
      ' ',
      h(
        'a',
        { href: formatState({ page: 'signin', lang: ctx.lang, params: carried(ctx.state.params) }), 'data-nav': '' },
        t('accessNeedSignInLink'),
      ),
    );
  return h('p', { class: 'access-note' }, t('submissionsNotAllowed', { role: roleLabel(actingRole(session), t) }));
}

function uploadError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('uploadFailed', { detail: describeError(error, t) });
  if (error.status === 401) return t('sessionExpired');
  if (error.status === 413) return t('uploadTooLarge', { detail: error.detail ?? error.title });
  if (error.status === 429) return t('uploadTooMany', { detail: error.detail ?? error.title });
  if (error.status === 503) return t('uploadBusy', { detail: error.detail ?? error.title });
  return t('uploadFailed', { detail: describeError(error, t) });
}

function actionError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('sessionExpired');
    if (error.status === 403) return t('actionNotAllowed');
    if (error.status === 409) return t('actionConflict', { detail: error.detail ?? error.title });
  }
  return t('actionFailed', { detail: describeError(error, t) });
}
