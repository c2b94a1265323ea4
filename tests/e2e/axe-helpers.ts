/** axe-core for the e2e files: runs it on a page and lists the violations that fail a test. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[];
}

/** Runs axe-core on the page as it is; returns "view: rule (impact) at selector" lines. */
export async function audit(page: Page, view: string): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated over the DevTools protocol, so the page's CSP does not apply.
  if (!loaded) await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe.run({
      resultTypes: ['violations'],
      // Off by default in axe (experimental); icon-only buttons with text labels are what it checks.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    }),
  )) as AxeResult;
  return (
    result.violations
      // heading-order is only "moderate", but a screen reader's outline of the editor depends on it.
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
      .flatMap((v) =>
        v.nodes.map((n) => `${view}: ${v.id} (${v.impact}) at ${JSON.stringify(n.target)}`),
      )
  );
}
