// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../web/src/api.js';
import { rememberProvinces } from '../../web/src/access/refusal.js';
import * as sessionClient from '../../web/src/access/session.js';
import { translator } from '../../web/src/i18n/index.js';
import { chartFrame } from '../../web/src/ui/card-frame.js';
import { refusalView, scopeAfterSignIn } from '../../web/src/view-models/access.js';
import { anonymous, gansuOfficial, nameZh, planner, provinces, researcher, session } from './access-fixtures.js';
import { stubLayoutApis } from './jsdom-layout.js';

const zh = translator('zh');
const en = translator('en');

beforeAll(() => {
  stubLayoutApis();
});
afterEach(() => vi.restoreAllMocks());

describe('a refused analytic, as its card says it', () => {
  it('401 asks to sign in and offers the sign-in page; 403 says why, with nothing to offer', () => {
    expect(refusalView(401, anonymous, nameZh, zh)).toEqual({ text: '需要登录才能查看此数据。', signIn: true });
    expect(refusalView(403, gansuOfficial, nameZh, zh)).toEqual({
      text: '您的账号只能查看甘肃省的明细数据，不能查看其他省份的明细。',
      signIn: false,
    });
    expect(refusalView(403, researcher, nameZh, zh)?.signIn).toBe(false);
  });
  it('offers no sign-in in the open demo mode, and is null for any status other than 401 and 403', () => {
    expect(refusalView(401, session(null, 'open'), nameZh, zh)?.signIn).toBe(false);
    for (const status of [0, 400, 404, 409, 500, 503]) expect(refusalView(status, anonymous, nameZh, zh)).toBeNull();
  });
});

describe('a refused card in the page', () => {
  const refusedFrame = async (status: number, lang: 'zh' | 'en', path: string) => {
    window.history.replaceState(null, '', path);
    const t = lang === 'zh' ? zh : en;
    const frame = chartFrame({ id: `c${status}`, title: '地市排名', source: '数据', t });
    await frame.load('k', async () => {
      throw new ApiError('/api/queries/training-by-region', status, status === 401 ? 'Unauthorized' : 'Forbidden', 'problem detail');
    });
    return frame.element.querySelector<HTMLElement>('.card-body')!;
  };

  it('401: a notice (role status, not an alert) with a sign-in link keeping the language and province, and no retry', async () => {
    vi.spyOn(sessionClient, 'currentSession').mockReturnValue(anonymous);
    const body = await refusedFrame(401, 'en', '/regions?lang=en&province=620000&prefecture=620100');
    expect(body.dataset.state).toBe('refused');
    expect(body.querySelector('[role="alert"]')).toBeNull();
    expect(body.querySelector('button')).toBeNull();
    const notice = body.querySelector('.state-refused[role="status"]')!;
    expect(notice.querySelector('p')!.textContent).toBe('Sign in to see these data.');
    const link = notice.querySelector('a')!;
    expect([link.textContent, link.getAttribute('href')]).toEqual(['Sign in', '/signin?lang=en&province=620000']);
  });

  it('403 for an official: names their province, no link, no retry; a server error still offers a retry', async () => {
    rememberProvinces(provinces);
    vi.spyOn(sessionClient, 'currentSession').mockReturnValue(gansuOfficial);
    const body = await refusedFrame(403, 'zh', '/regions?province=440000');
    expect(body.querySelector('.state-refused p')!.textContent).toBe('您的账号只能查看甘肃省的明细数据，不能查看其他省份的明细。');
    expect(body.querySelectorAll('a, button').length).toBe(0);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failed = await refusedFrame(500, 'zh', '/regions');
    expect(failed.dataset.state).toBe('error');
    expect(failed.querySelector('[role="alert"] button.retry')?.textContent).toBe('重试');
  });
});

describe("a signed-in official's scope", () => {
  it('starts at their province when the address names none; keeps a province already named', () => {
    expect(scopeAfterSignIn(gansuOfficial, {})).toEqual({ province: '620000' });
    expect(scopeAfterSignIn(gansuOfficial, { province: '440000' })).toEqual({ province: '440000' });
  });
  it('leaves every other role, and the open demo mode, as they were (the nation)', () => {
    for (const s of [planner, researcher, anonymous, session({ id: 'a', name: 'A', role: 'admin', province: null })])
      expect(scopeAfterSignIn(s, {})).toEqual({});
    expect(scopeAfterSignIn(session({ id: null, name: 'demo', role: 'official', province: '620000' }, 'open'), {})).toEqual({});
  });
});
