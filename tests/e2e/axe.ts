import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The WCAG 2.0 and 2.1 rules of levels A and AA: what GB/T 37668-2019 asks of web content. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  rule: string;
  impact: string | null;
  nodes: number;
  /** The first few offending elements (CSS selectors) and what axe says about them. */
  examples: string[];
}

/**
 * Runs axe-core in the page (injected: the page's context must bypass its content security policy, which allows
 * only the app's own scripts) and returns the WCAG 2.1 A/AA violations, one entry per rule.
 */
export async function auditPage(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource });
  const result = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, options: unknown): Promise<AxeResult> } }).axe;
    interface AxeResult {
      violations: { id: string; impact: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    }
    const run = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return run.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      examples: v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}`),
    }));
  }, wcagTags);
  return result;
}
