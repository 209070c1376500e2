// Fair requirements and the honest employer page (issue 12) on a 360 px
// screen: the vacancy form asks for the reason of an age limit, the vacancy
// page shows the reason and links its employer's public page, and that page
// says "Belum cukup data" until enough applications were answered.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const MOBILE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' };
const REASON = 'Mengangkat karung pupuk 50 kg setiap hari';

function digits(n) {
	let s = '';
	for (let i = 0; i < n; i++)
		s += String(Math.floor(Math.random() * 10));
	return s;
}

export default async function fairClock(t) {
	const { check, skip, assert, api, apiLogin, fitsScreen, registerCompany, bodyText, screenshot, PASSWORD,
		LOKER_BIN, ROOT, browser, base, tmp, db, keyFile, STEP_TIMEOUT_MS } = t;
	const steps = [
		'fair clock: employer registers and is verified',
		'fair clock: vacancy form asks the reason for an age limit (360 px)',
		'fair clock: vacancy with an age limit and its reason is published',
		'fair clock: vacancy page shows the reason and links the employer page',
		'fair clock: employer page fits 360 px and says "Belum cukup data"',
	];
	const company = {
		name: `CV Tani Makmur ${digits(4)}`,
		nib: '82' + digits(11),
		phone: '0813' + digits(8),
		email: `tani${digits(5)}@makmur.example`,
	};
	const ctx = await browser.newContext({ ...MOBILE });
	ctx.setDefaultTimeout(STEP_TIMEOUT_MS);
	const page = await ctx.newPage();
	let employerId = null;
	let jobId = null;
	try {
		if (!await check(steps[0], async () => {
			await registerCompany(page, base, company);
			const pwFile = path.join(tmp, 'fair-clock-admin');
			fs.writeFileSync(pwFile, PASSWORD + '\n', { mode: 0o600 });
			const adminPhone = '0812' + digits(8);
			const r = spawnSync(LOKER_BIN, ['admin', 'add', '--db', db, '--name', 'Admin Rekrutmen Adil',
				'--phone', adminPhone, '--password-file', pwFile], {
				cwd: ROOT, env: { ...process.env, LOKER_KEY_FILE: keyFile }, encoding: 'utf8', timeout: 60000,
			});
			assert(r.status === 0, `loker admin add exited ${r.status}: ${(r.stderr || '').slice(0, 200)}`);
			const admin = await apiLogin(base, adminPhone);
			const me = await api(base, 'GET', '/api/v1/me', null, await apiLogin(base, company.phone));
			employerId = me.json.user.id;
			const v = await api(base, 'POST', `/api/v1/admin/employers/${employerId}/verification`, { decision: 'verify' }, admin);
			assert(v.status === 200, `verification answered ${v.status}`);
			return `employer ${employerId}`;
		})) {
			steps.slice(1).forEach((s) => skip(s, 'no verified employer'));
			return;
		}
		await check(steps[1], async () => {
			const res = await page.goto(base + '/pemberi/lowongan/baru', { waitUntil: 'load' });
			assert(res.status() === 200, `GET /pemberi/lowongan/baru answered ${res.status()}`);
			const field = page.locator('textarea[name="requirement_reason"]');
			assert(await field.count() === 1, 'no reason field on the vacancy form');
			const label = await page.locator('label[for="requirement_reason"]').innerText();
			assert(/usia/i.test(label), `the reason field's label does not mention age: ${label}`);
			await fitsScreen(page);
		});
		if (!await check(steps[2], async () => {
			const token = await apiLogin(base, company.phone);
			const until = new Date(Date.now() + 40 * 86400 * 1000).toISOString().slice(0, 10);
			const r = await api(base, 'POST', '/api/v1/vacancies', {
				title: `Buruh gudang pupuk ${digits(5)}`, kbji_major: 9, workers_needed: 3, valid_until: until,
				age_min: 18, age_max: 40, education_min: 'sd', wage_min: 2600000, wage_unit: 'bulan',
				location: 'tempat', district_code: '33.03.07', formal: true, full_time: true, arrangement: 'pkwt',
				kbli: 'G', description: 'Bongkar muat pupuk di gudang. Tanpa biaya apa pun.', apply_method: 'loker',
				requirement_reason: REASON, submit: true,
			}, token);
			assert(r.status === 201, `POST /api/v1/vacancies answered ${r.status}: ${r.text.slice(0, 200)}`);
			assert(r.json.vacancy.status === 'published', `status ${r.json.vacancy.status}, not published`);
			jobId = r.json.vacancy.id;
			return `vacancy ${jobId}`;
		})) {
			steps.slice(3).forEach((s) => skip(s, 'no vacancy'));
			return;
		}
		await check(steps[3], async () => {
			const res = await page.goto(`${base}/lowongan/${jobId}`, { waitUntil: 'load' });
			assert(res.status() === 200, `GET /lowongan/${jobId} answered ${res.status()}`);
			const text = await bodyText(page);
			assert(text.includes(`Alasan syarat: ${REASON}`), 'the reason is not on the vacancy page');
			assert(await page.locator(`a[href="/pemberi-kerja/${employerId}"]`).count() === 1,
				'no link to the employer page');
			await fitsScreen(page);
		});
		await check(steps[4], async () => {
			const res = await page.goto(`${base}/pemberi-kerja/${employerId}`, { waitUntil: 'load' });
			assert(res.status() === 200, `GET /pemberi-kerja/${employerId} answered ${res.status()}`);
			const text = await bodyText(page);
			assert(text.includes('Belum cukup data'), 'the page shows figures without enough applications');
			assert(text.includes(company.name), 'the page does not name the employer');
			await fitsScreen(page);
			return await screenshot(page, 'pemberi-kerja-360.png');
		});
	} finally {
		await ctx.close();
	}
}
