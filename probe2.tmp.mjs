import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-background-networking'] });
for (const path of ['/', '/essay/', '/scorecard/']) {
  const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
  await page.goto('http://127.0.0.1:4330' + path);
  await page.waitForTimeout(800);
  console.log(path, await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > document.documentElement.clientWidth + 1) {
        // report only outermost offenders
        if (!el.parentElement || el.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
      }
    }
    return out.slice(0, 8);
  }));
  await page.close();
}
const ctx = await browser.newContext({ javaScriptEnabled: false });
const p = await ctx.newPage();
await p.goto('http://127.0.0.1:4330/analogies/deception/');
console.log(await p.locator('noscript').count(), await p.locator('.noscript-note').count(), await p.evaluate(() => document.querySelector('noscript')?.innerHTML));
await browser.close();
