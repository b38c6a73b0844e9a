import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../core/audit-log.js';
import { translator } from '../../web/src/i18n/index.js';
import { abilities, pageAfterSignIn, refusalText, userLabel } from '../../web/src/view-models/access.js';
import { auditRows } from '../../web/src/view-models/access-audit.js';
import { anonymous, gansuOfficial, nameEn, nameZh, openMode, planner, researcher, session } from './access-fixtures.js';

const zh = translator('zh');
const en = translator('en');

describe('what a visitor may do', () => {
  it('officials submit; planners and administrators also decide and read the audit log; researchers and the public neither', () => {
    expect(abilities(gansuOfficial)).toEqual({ submit: true, decide: false, audit: false });
    expect(abilities(planner)).toEqual({ submit: true, decide: true, audit: true });
    expect(abilities(session({ id: 'a', name: 'Admin', role: 'admin', province: null }))).toEqual({
      submit: true,
      decide: true,
      audit: true,
    });
    expect(abilities(researcher)).toEqual({ submit: false, decide: false, audit: false });
    expect(abilities(anonymous)).toEqual({ submit: false, decide: false, audit: false });
    expect(abilities(null)).toEqual({ submit: false, decide: false, audit: false });
  });
  it('in the open demo mode everyone acts as a planner, signed in or not', () => {
    expect(abilities(openMode)).toEqual({ submit: true, decide: true, audit: true });
    expect(abilities(session(null, 'open'))).toEqual({ submit: true, decide: true, audit: true });
  });
  it('a sign-in leads those who submit to the submissions page, others to the overview', () => {
    expect(pageAfterSignIn(gansuOfficial)).toBe('submissions');
    expect(pageAfterSignIn(planner)).toBe('submissions');
    expect(pageAfterSignIn(researcher)).toBe('overview');
  });
});

describe('who the header says is signed in', () => {
  it('names an official with their province and role, in both languages', () => {
    expect(userLabel(gansuOfficial, nameZh, zh)).toBe('王芳（甘肃省业务人员）');
    expect(userLabel(gansuOfficial, nameEn, en)).toBe('王芳 (official, Gansu)');
  });
  it('names other roles without a province; says nothing when nobody is signed in', () => {
    expect(userLabel(planner, nameZh, zh)).toBe('李明（规划管理人员）');
    expect(userLabel(researcher, nameEn, en)).toBe('Chen (researcher)');
    expect(userLabel(anonymous, nameZh, zh)).toBeNull();
  });
  it('calls the open mode visitor a demo visitor acting as a planner', () => {
    expect(userLabel(openMode, nameZh, zh)).toBe('演示访问（规划管理人员）');
    expect(userLabel(openMode, nameEn, en)).toBe('Demo visitor (planner)');
  });
  it('names an unknown province by its code', () => {
    expect(nameZh('990000')).toBe('990000');
  });
});

describe('an analytic refused with 401 or 403, in the user’s words', () => {
  it('asks the anonymous to sign in', () => {
    expect(refusalText(401, anonymous, nameZh, zh)).toBe('需要登录才能查看此数据。');
    expect(refusalText(401, anonymous, nameEn, en)).toBe('Sign in to see these data.');
  });
  it('tells a Gansu official that detail is theirs for Gansu only', () => {
    expect(refusalText(403, gansuOfficial, nameZh, zh)).toBe('您的账号只能查看甘肃省的明细数据，不能查看其他省份的明细。');
    expect(refusalText(403, gansuOfficial, nameEn, en)).toBe(
      "Your account sees detail for Gansu only, not for another province's prefectures or counties.",
    );
  });
  it('tells anyone else that their role may not see it', () => {
    expect(refusalText(403, researcher, nameZh, zh)).toBe('您的账号（研究人员）无权查看此数据。');
    expect(refusalText(403, null, nameEn, en)).toBe('Your account (public) may not see these data.');
  });
  it('leaves every other status to the usual error text', () => {
    expect(refusalText(404, gansuOfficial, nameZh, zh)).toBeNull();
    expect(refusalText(503, anonymous, nameZh, zh)).toBeNull();
  });
});

describe('the audit table', () => {
  const events: AuditEvent[] = [
    {
      time: '2026-11-30T01:00:00.000Z',
      action: 'sign-in',
      actor: { id: 'u1', name: '王芳', role: 'official' },
      target: 'session',
      detail: { ip: '127.0.0.1' },
    },
    {
      time: '2026-11-30T02:30:15.000Z',
      action: 'approval',
      actor: { id: 'u2', name: '李明', role: 'planner' },
      target: '20261130T013000000-abcdef',
      detail: { dataset: 'training', province: '620000' },
    },
    {
      time: '2026-11-30T02:31:00.000Z',
      action: 'publication',
      actor: { id: null, name: 'ingest worker', role: null },
      target: '20261130T013000000-abcdef',
    },
  ];
  it('lists the newest first, at Beijing time, actions and roles in words, details as key=value', () => {
    expect(auditRows(events, zh)).toEqual([
      {
        time: '2026-11-30 10:31:00（北京时间）',
        action: '发布',
        code: 'publication',
        actor: 'ingest worker',
        target: '20261130T013000000-abcdef',
        detail: '',
      },
      {
        time: '2026-11-30 10:30:15（北京时间）',
        action: '批准',
        code: 'approval',
        actor: '李明（规划管理人员）',
        target: '20261130T013000000-abcdef',
        detail: 'dataset=training; province=620000',
      },
      {
        time: '2026-11-30 09:00:00（北京时间）',
        action: '登录',
        code: 'sign-in',
        actor: '王芳（业务人员）',
        target: 'session',
        detail: 'ip=127.0.0.1',
      },
    ]);
  });
  it('says the actions in English on the English page', () => {
    expect(auditRows(events, en).map((r) => [r.time, r.action, r.actor])).toEqual([
      ['2026-11-30 10:31:00 (Beijing time)', 'publication', 'ingest worker'],
      ['2026-11-30 10:30:15 (Beijing time)', 'approval', '李明 (planner)'],
      ['2026-11-30 09:00:00 (Beijing time)', 'sign-in', '王芳 (official)'],
    ]);
  });
});
