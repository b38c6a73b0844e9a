import type { SessionInfo } from '../../core/access.js';
import { provinceNamer } from '../../web/src/view-models/access.js';

/** Sessions as GET /api/session answers them, and two provinces' names, for the access view models' tests. */
export const provinces = [
  { code: '620000', name_zh: '甘肃省', name_en: 'Gansu' },
  { code: '440000', name_zh: '广东省', name_en: 'Guangdong' },
];
export const nameZh = provinceNamer(provinces, 'zh');
export const nameEn = provinceNamer(provinces, 'en');

export const session = (user: SessionInfo['user'], mode: SessionInfo['mode'] = 'enforced'): SessionInfo => ({
  mode,
  user,
  csrfToken: 'x',
});
export const gansuOfficial = session({ id: 'u1', name: '王芳', role: 'official', province: '620000' });
export const planner = session({ id: 'u2', name: '李明', role: 'planner', province: null });
export const researcher = session({ id: 'u3', name: 'Chen', role: 'researcher', province: null });
export const anonymous = session(null);
export const openMode = session({ id: null, name: 'demo', role: 'planner', province: null }, 'open');
