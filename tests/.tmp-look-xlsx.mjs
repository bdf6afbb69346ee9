import { chromium } from '@playwright/test';
import ExcelJS from 'exceljs';
const base = 'http://localhost:5383';
const wb = new ExcelJS.Workbook();
wb.addWorksheet('Notes').addRow(['About this workbook']);
const ws = wb.addWorksheet('Values');
ws.addRow(['indicator', 'country', 'period', 'disaggregation', 'value', 'status', 'source']);
[10, 12, 11, 13, 40].forEach((v, i) => ws.addRow(['10.7.3', 'CRI', 2015 + i, '', v, 'final', 'INEC']));
const buffer = Buffer.from(await wb.xlsx.writeBuffer());
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [width, lang] of [[1280, ''], [360, ''], [1280, '/es']]) {
	const page = await browser.newPage({ viewport: { width, height: 900 } });
	await page.goto(base + '/signin', { waitUntil: 'networkidle' });
	await page.getByLabel('Email address').fill('secretariat@example.org');
	await page.getByLabel('Password').fill('e2e-admin-password-1');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((u) => !u.pathname.includes('signin'));
	await page.goto(base + lang + '/imports', { waitUntil: 'networkidle' });
	await page.locator('#file').setInputFiles({ name: 'deaths.xlsx', mimeType: 'application/octet-stream', buffer });
	await page.locator('#sheet').waitFor();
	await page.locator('#sheet').selectOption('Values');
	const tag = `${width}${lang.replace('/', '-')}`;
	await page.locator('[data-testid=preview-form]').screenshot({ path: `/tmp/xlsx-shots/chooser-${tag}.png` });
	await page.locator('[data-testid=preview-form] button[type=submit]').click();
	await page.locator('[data-testid=import-outliers]').waitFor({ timeout: 30000 });
	await page.locator('[data-testid=import-report]').screenshot({ path: `/tmp/xlsx-shots/preview-${tag}.png` });
	if (width === 1280 && !lang) {
		await page.goto(base + '/indicators/10.7.3/observations?country=GTM', { waitUntil: 'networkidle' });
		for (const [p, v] of [['2015', '10'], ['2016', '12'], ['2017', '11']]) {
			await page.locator('#period').fill(p);
			await page.locator('#value').fill(v);
			await page.locator('form[action="?/one"] button[type=submit]').click();
			await page.waitForURL(/done=saved/);
			await page.goto(base + '/indicators/10.7.3/observations?country=GTM', { waitUntil: 'networkidle' });
		}
		await page.locator('#period').fill('2018');
		await page.locator('#value').fill('90');
		await page.locator('form[action="?/one"] button[type=submit]').click();
		await page.locator('[data-testid=value-outlier]').waitFor();
		await page.locator('form[action="?/one"]').screenshot({ path: `/tmp/xlsx-shots/value-form-${tag}.png` });
	}
	await page.close();
}
await browser.close();
console.log('shots done');
