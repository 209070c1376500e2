// 40_money_report.mjs - "Saya dimintai uang" (issue 12) on a 360 px phone:
// a seeker who applied opens the report form from the application page,
// fills it with a photo of the chat, and sees the state on the application;
// the Dinas admin finds it in the queue.
import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
	locale: 'id-ID' };
// The smallest PNG the server accepts: the signature and the start of IHDR.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
	0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

function village(ROOT, district) {
	let file = path.join(ROOT, 'data', 'wilayah', 'villages-purbalingga.csv');
	if (!fs.existsSync(file))
		file = '/work/shared/domain/wilayah/villages-purbalingga.csv';
	const line = fs.readFileSync(file, 'utf8').split('\n').find((l) => l.split(',')[1] === district);
	return line.split(',')[0];
}

export default async function moneyReport(t) {
	const { check, skip, assert, api, apiLogin, makeSeeker, submitForm, fitsScreen, browserLogin, screenshot,
		bodyText, browser, base, state, ROOT, PASSWORD, DISTRICT, STEP_TIMEOUT_MS, db, registerSeekerApi } = t;
	const steps = [
		'money report: a seeker applies to the published job',
		'money report: the form opens from the application and fits 360 px',
		'money report: sent with a photo, the application shows its state',
		'money report: the Dinas queue lists it',
	];
	if (!state || !state.jobId || !state.adminPhone) {
		steps.forEach((s) => skip(s, 'no published job from the earlier scenarios'));
		return;
	}
	const s = makeSeeker(DISTRICT, `Rina Wulandari ${randomInt(100, 1000)}`, 'P');
	let appId = null;
	if (!await check(steps[0], async () => {
		const r = await registerSeekerApi(base, db, {
			nik: s.nik, name: s.name, birth_date: s.birthDate, sex: s.sex, phone: s.phone, password: PASSWORD,
			district_code: DISTRICT, village_code: village(ROOT, DISTRICT), consent: true, domicile_request: false,
		});
		assert(r.status === 201, `registration answered ${r.status}: ${r.text.slice(0, 200)}`);
		const token = await apiLogin(base, s.phone);
		const a = await api(base, 'POST', `/api/v1/vacancies/${state.jobId}/applications`, {}, token);
		assert(a.status === 201, `applying answered ${a.status}: ${a.text.slice(0, 200)}`);
		appId = a.json.application.id;
		return `application ${appId}`;
	})) {
		steps.slice(1).forEach((x) => skip(x, 'no application'));
		return;
	}
	const ctx = await browser.newContext(PHONE);
	ctx.setDefaultTimeout(STEP_TIMEOUT_MS);
	const page = await ctx.newPage();
	try {
		const formOk = await check(steps[1], async () => {
			await browserLogin(page, base, s.phone);
			await page.goto(`${base}/pencari/lamaran/${appId}`, { waitUntil: 'load' });
			await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('a[href$="/dimintai-uang"]')]);
			assert(new URL(page.url()).pathname === `/pencari/lamaran/${appId}/dimintai-uang`, `at ${page.url()}`);
			assert((await bodyText(page)).includes('pemberi kerja tidak pernah melihat siapa yang melapor'),
				'no word on privacy');
			await fitsScreen(page);
		});
		if (!formOk) {
			steps.slice(2).forEach((x) => skip(x, 'no form'));
			return;
		}
		await check(steps[2], async () => {
			const form = page.locator('form[enctype="multipart/form-data"]').first();
			await form.locator('input[name="asked_by"]').fill('Pak Darto, mengaku orang dalam');
			await form.locator('input[name="amount"]').fill('1.500.000');
			await form.locator('input[name="photo"]').setInputFiles({ name: 'chat.png', mimeType: 'image/png',
				buffer: PNG });
			await submitForm(page, form);
			const url = new URL(page.url());
			assert(url.pathname === `/pencari/lamaran/${appId}`, `ended at ${url.pathname}`);
			const text = await bodyText(page);
			assert(text.includes('Diterima Dinas, menunggu pemeriksaan'), 'no state on the application');
			await fitsScreen(page);
			return await screenshot(page, 'laporan-uang-360.png');
		});
	} finally {
		await ctx.close();
	}
	const staffCtx = await browser.newContext(PHONE);
	staffCtx.setDefaultTimeout(STEP_TIMEOUT_MS);
	const staff = await staffCtx.newPage();
	try {
		await check(steps[3], async () => {
			await browserLogin(staff, base, state.adminPhone);
			const r = await staff.goto(`${base}/dinas/laporan-uang`, { waitUntil: 'load' });
			assert(r.status() === 200, `queue answered ${r.status()}`);
			assert((await bodyText(staff)).includes('Pak Darto'), 'report not in the queue');
			await Promise.all([staff.waitForNavigation({ waitUntil: 'load' }), staff.click('td a[href^="/dinas/laporan-uang/"]')]);
			const text = await bodyText(staff);
			assert(text.includes(s.name), 'the case does not name the reporter for staff');
			assert(text.includes('Lihat foto percakapan'), 'no photo link');
		});
	} finally {
		await staffCtx.close();
	}
}
