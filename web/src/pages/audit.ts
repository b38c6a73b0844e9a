import { currentSession } from '../access/session.js';
import { auditCsvUrl, getAudit } from '../access/submissions-client.js';
import { describeError } from '../ui/card-frame.js';
import { h, replace } from '../ui/dom.js';
import { abilities } from '../view-models/access.js';
import { auditRows } from '../view-models/access-audit.js';
import type { PageMount } from './context.js';
import '../access/access.css';

/** The audit log for planners and administrators: every event newest first, and the whole log as CSV. */
export const mountAudit: PageMount = (root, ctx) => {
  const { t } = ctx;
  const body = h('section', { class: 'audit', 'aria-labelledby': 'audit-heading', 'aria-busy': 'true' });
  root.append(h('div', { class: 'page-head' }, h('h1', { id: 'audit-heading' }, t('pageAudit')), h('p', {}, t('auditIntro'))), body);
  const draw = async () => {
    if (!abilities(currentSession()).audit) {
      body.removeAttribute('aria-busy');
      return replace(body, h('p', { class: 'access-note' }, t('auditNotAllowed')));
    }
    try {
      const rows = auditRows(await getAudit(), t);
      replace(
        body,
        h(
          'p',
          { class: 'form-actions' },
          h('a', { class: 'button-link', href: auditCsvUrl, download: 'audit-log.csv' }, t('auditDownloadCsv')),
        ),
        rows.length === 0
          ? h('p', { class: 'access-note' }, t('auditEmpty'))
          : h(
              'div',
              { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('auditCaption', { count: rows.length }) },
              h(
                'table',
                { class: 'data-table audit-table' },
                h('caption', {}, t('auditCaption', { count: rows.length })),
                h(
                  'thead',
                  {},
                  h(
                    'tr',
                    {},
                    [t('colTime'), t('colAction'), t('colActor'), t('colTarget'), t('colDetail')].map((c) => h('th', { scope: 'col' }, c)),
                  ),
                ),
                h(
                  'tbody',
                  {},
                  rows.map((row) =>
                    h(
                      'tr',
                      { 'data-action': row.code },
                      h('td', { class: 'nowrap' }, row.time),
                      h('td', {}, row.action),
                      h('td', {}, row.actor),
                      h('td', { class: 'audit-target' }, h('code', {}, row.target)),
                      h('td', { class: 'audit-detail' }, row.detail),
                    ),
                  ),
                ),
              ),
            ),
      );
    } catch (error) {
      replace(body, h('p', { class: 'state state-error', role: 'alert' }, describeError(error, t)));
    } finally {
      body.removeAttribute('aria-busy');
    }
  };
  void draw();
  return { update() {} };
};
