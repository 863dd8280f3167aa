import { sentimentApp } from '@flowport/example-text-sentiment/dist/server';
import express from 'express';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { serving } from './support/http';

const BROWSER = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('Swagger UI in headless Chromium', function () {
  this.timeout(60000);
  const live = serving(() => sentimentApp(['ui-key']));
  const mounted = serving(() => express().use('/svc', sentimentApp(['ui-key'])));
  let browser: Browser | undefined;

  before(async function () {
    if (!existsSync(BROWSER)) {
      if (process.env.CI === 'true') throw new Error(`${BROWSER} is missing; scripts/ensure-chromium.sh installs it`);
      this.skip();
    }
    browser = await chromium.launch({
      executablePath: BROWSER,
      // This machine has no network beyond loopback: keep Chromium from reaching out.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  // Playwright gives the browser a fresh temporary profile and removes it on close.
  after(async () => browser?.close());

  it('renders every operation of the OpenAPI document', async () => {
    const page = await browser!.newPage();
    await page.goto(`${live.url()}/docs/`);
    await page.waitForSelector('.opblock-summary', { timeout: 30000 });
    const operations = await page.$$eval('.opblock-summary', (els) =>
      els.map(
        (e) =>
          `${e.querySelector('.opblock-summary-method')?.textContent} ${e.querySelector('.opblock-summary-path')?.textContent?.replace(/\u200b/g, '')}`,
      ),
    );
    const doc = (await (await fetch(`${live.url()}/openapi.json`)).json()) as { paths: Record<string, object> };
    const expected = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    );
    assert.ok(expected.length >= 3);
    assert.deepEqual(operations.sort(), expected.sort());
    assert.match((await page.textContent('.info .title')) ?? '', /Text Sentiment/);
    if (process.env.FLOWPORT_SCREENSHOT)
      await page.screenshot({ path: process.env.FLOWPORT_SCREENSHOT, fullPage: true });
  });

  it('scores the request it fills in, once authorized with a key: the first try of a new user', async () => {
    // Before, the sample it made from the schema had the language "dp" (from the pattern), which
    // the service does not know: the first "Try it out" answered with an error and no score.
    const page = await browser!.newPage();
    await page.goto(`${live.url()}/docs/`);
    await page.waitForSelector('.opblock-summary', { timeout: 30000 });
    await page.locator('.btn.authorize').first().click();
    await page.locator('.modal-ux input').first().fill('ui-key');
    await page.locator('.modal-ux .auth-btn-wrapper .authorize').first().click();
    await page.locator('.modal-ux .btn-done').first().click();
    const sentiment = page.locator('.opblock', { has: page.locator('[data-path="/text/analytics/v2.0/sentiment"]') });
    await sentiment.locator('.opblock-summary').click();
    await sentiment.locator('.try-out__btn').click();
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/text/analytics/v2.0/sentiment')),
      sentiment.locator('.execute').click(),
    ]);
    const body = (await answer.json()) as { documents: { id: string; score: number }[]; errors: unknown[] };
    assert.equal(answer.status(), 200);
    assert.deepEqual(body.errors, []);
    assert.deepEqual(
      body.documents.map((d) => d.id),
      ['1'],
    );
    assert.ok(body.documents[0].score > 0.5, `"I love this" scores ${body.documents[0].score}`);
  });

  it('reads its own document and calls its own server when the app is mounted under a prefix', async () => {
    // Before, the page fetched /openapi.json and "Try it out" called /health, from the root of
    // the host: under /svc, neither is the app's.
    const page = await browser!.newPage();
    await page.goto(`${mounted.url()}/svc/docs/`);
    await page.waitForSelector('.opblock-summary', { timeout: 30000 });
    const health = page.locator('.opblock', { has: page.locator('[data-path="/health"]') });
    await health.locator('.opblock-summary').click();
    await health.locator('.try-out__btn').click();
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/health')),
      health.locator('.execute').click(),
    ]);
    assert.deepEqual([new URL(answer.url()).pathname, answer.status()], ['/svc/health', 200]);
  });
});
