// 90_axe_every_page.mjs - every page type, as each role sees it on a 360 px
// phone, through axe-core: no serious or critical violation, every page at
// most 30 KB before gzip (the Dinas statistics 60 KB), no sideways scrolling,
// buttons and stand-alone links at least 44 × 44 px. One page is also checked
// as rendered with JavaScript off.
//
// Accounts: a Dinas admin from `loker admin add`; a staff member and a
// village operator that the admin creates on /dinas/pengguna (each sets a
// password with the slip's code); a seeker through the API; a company through
// its registration form. The company posts two vacancies through the API; the
// admin approves one, the seeker applies to it and is invited to an interview.

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// bypassCSP: the pages forbid inline scripts, and axe is injected as one.
const MOBILE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
	locale: 'id-ID', bypassCSP: true };
const PAGE_MAX = 30 * 1024;
const STATS_MAX = 60 * 1024;
const TOUCH_MIN = 44;

const pad = (n, w) => String(n).padStart(w, '0');
const phone = () => '0813' + pad(randomInt(0, 100000000), 8);

function futureDate(days) {
	const d = new Date(Date.now() + days * 86400 * 1000);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

// axe's serious and critical violations on the open page, one line each.
async function axeViolations(page) {
	if (!await page.evaluate(() => typeof window.axe !== 'undefined'))
		await page.addScriptTag({ content: AXE_SOURCE });
	const found = await page.evaluate(async () => {
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact,
			targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
	});
	return found;
}

// Buttons and links that stand alone (navigation, footer, button-like links,
// a link that is the whole of its line) smaller than 44 × 44 px.
async function smallTargets(page) {
	return page.evaluate((min) => {
		const out = [];
		const alone = (el) => {
			if (el.matches('button, input[type="submit"], .button, nav a, footer a, header a'))
				return true;
			if (el.tagName !== 'A')
				return false;
			const parent = el.parentElement;
			return parent && parent.textContent.trim() === el.textContent.trim() &&
				getComputedStyle(parent).display !== 'inline';
		};
		for (const el of document.querySelectorAll('a[href], button, input[type="submit"]')) {
			if (!alone(el))
				continue;
			const r = el.getBoundingClientRect();
			if (r.width === 0 && r.height === 0)
				continue; // hidden
			if (r.height < min - 0.5 || r.width < min - 0.5)
				out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}" ` +
					`${Math.round(r.width)}×${Math.round(r.height)}`);
		}
		return out;
	}, TOUCH_MIN);
}

// What a seeker, UMKM or visitor must never read: raw dates, internal values,
// English status words, KBJI/KBLI codes.
const NOT_PLAIN = [
	[/\b\d{4}-\d{2}-\d{2}\b/, 'a raw date'],
	[/\b[a-z]+_[a-z_]+\b/, 'an internal value'],
	[/\b(verified|pending|rejected|draft|published)\b/i, 'an English status'],
	[/\bKB[JL]I\s*[0-9A-U]/, 'a KBJI/KBLI code'],
];

async function plainWords(page) {
	const text = await page.locator('main').innerText();
	const bad = [];
	for (const [re, what] of NOT_PLAIN) {
		const m = re.exec(text);
		if (m)
			bad.push(`${what} "${m[0]}"`);
	}
	return bad;
}

export default async function axeEveryPage(t) {
	const { check, skip, assert, api, apiLogin, makeSeeker, registerCompany, browserLogin, submitForm,
		browser, base, db, keyFile, LOKER_BIN, ROOT, PASSWORD, DISTRICT, STEP_TIMEOUT_MS, registerSeekerApi } = t;
	const results = { pages: 0, biggest: 0, biggestPath: '', stats: 0, statsPath: '' };

	// Visits path in ctx's page and runs every check on it.
	async function audit(page, who, p, opts = {}) {
		await check(`axe ${who}: ${p}`, async () => {
			const res = await page.goto(base + p, { waitUntil: 'load' });
			assert(res, `no response for ${p}`);
			const want = opts.status || 200;
			assert(res.status() === want, `GET ${p} answered ${res.status()}, wanted ${want}`);
			const type = res.headers()['content-type'] || '';
			assert(type.startsWith('text/html'), `GET ${p} is ${type}, not a page`);
			const size = (await res.body()).length;
			const max = /^\/(dinas\/)?statistik/.test(p) ? STATS_MAX : PAGE_MAX;
			assert(size <= max, `${size} bytes before gzip, more than ${max}`);
			results.pages++;
			if (max === STATS_MAX && size > results.stats) {
				results.stats = size;
				results.statsPath = p;
			} else if (max !== STATS_MAX && size > results.biggest) {
				results.biggest = size;
				results.biggestPath = p;
			}
			const bad = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical' ||
				v.id.startsWith('landmark-'));
			assert(bad.length === 0, bad.map((v) => `${v.impact} ${v.id} at ${v.targets.join(', ')}`).join('; '));
			const { inner, scroll } = await page.evaluate(() => ({
				inner: window.innerWidth, scroll: document.documentElement.scrollWidth }));
			assert(scroll <= inner, `page is ${scroll} px wide at ${inner} px: scrolls sideways`);
			if (opts.plain !== false) {
				const words = await plainWords(page);
				assert(words.length === 0, `not in plain words: ${words.join('; ')}`);
			}
			const small = await smallTargets(page);
			assert(small.length === 0, `touch targets under ${TOUCH_MIN} px: ${small.slice(0, 4).join('; ')}`);
			return `${size} B`;
		});
	}

	async function newPage(opts = {}) {
		const ctx = await browser.newContext({ ...MOBILE, ...opts });
		ctx.setDefaultTimeout(STEP_TIMEOUT_MS);
		return { ctx, page: await ctx.newPage() };
	}

	// ---- accounts ----
	const people = {};
	const setup = await check('axe: accounts for every role', async () => {
		const adminPhone = phone();
		const pwFile = path.join(path.dirname(db), 'axe-admin-password');
		fs.writeFileSync(pwFile, PASSWORD + '\n', { mode: 0o600 });
		const r = spawnSync(LOKER_BIN, ['admin', 'add', '--db', db, '--name', 'Admin Aksesibilitas',
			'--phone', adminPhone, '--password-file', pwFile],
		{ cwd: ROOT, env: { ...process.env, LOKER_KEY_FILE: keyFile }, encoding: 'utf8', timeout: 60000 });
		assert(r.status === 0, `loker admin add exited ${r.status}: ${(r.stderr || '').slice(0, 200)}`);
		people.admin = adminPhone;

		// A seeker through the API, with a village read from the form.
		const form = await (await fetch(base + '/daftar/pencari-kerja')).text();
		const m = new RegExp(`value="(${DISTRICT.replaceAll('.', '\\.')}\\.\\d+)"`).exec(form);
		assert(m, 'no village option on the registration form');
		const s = makeSeeker(DISTRICT, 'Wulan Sari', 'P');
		const reg = await registerSeekerApi(base, db, { nik: s.nik, name: s.name, birth_date: s.birthDate,
			sex: s.sex, phone: s.phone, password: PASSWORD, district_code: DISTRICT, village_code: m[1],
			consent: true, domicile_request: false });
		assert(reg.status === 201, `POST /api/v1/seekers answered ${reg.status}: ${reg.text.slice(0, 200)}`);
		people.seeker = s.phone;
		return 'admin, seeker';
	});
	if (!setup)
		return;

	const admin = await newPage();
	const employer = await newPage();
	const seeker = await newPage();
	const extra = [];
	try {
		await browserLogin(admin.page, base, people.admin);
		// Staff and operator: created by the admin, password set with the slip's code.
		for (const role of ['staff', 'operator']) {
			await check(`axe: admin creates a ${role} account and it sets its password`, async () => {
				const p = phone();
				await admin.page.goto(base + '/dinas/pengguna', { waitUntil: 'load' });
				const f = admin.page.locator('form[action="/dinas/pengguna"]');
				await f.locator('select[name="role"]').selectOption(role);
				await f.locator('input[name="name"]').fill(role === 'staff' ? 'Staf Uji Akses' : 'Operator Uji Akses');
				await f.locator('input[name="phone"]').fill(p);
				if (role === 'operator') {
					const v = await f.locator(`select[name="village_code"] option[value^="${DISTRICT}."]`).first()
						.getAttribute('value');
					await f.locator('select[name="village_code"]').selectOption(v);
				}
				await submitForm(admin.page, f);
				const code = (await admin.page.locator('.code').first().innerText()).trim();
				assert(/^\d{8}$/.test(code), `no 8-digit code on the slip: "${code}"`);
				const o = await newPage();
				extra.push(o);
				await o.page.goto(base + '/atur-sandi', { waitUntil: 'load' });
				const sf = o.page.locator('form[action="/atur-sandi"]');
				await sf.locator('input[name="phone"]').fill(p);
				await sf.locator('input[name="code"]').fill(code);
				await sf.locator('input[name="password"]').fill(PASSWORD);
				await sf.locator('input[name="password2"]').fill(PASSWORD);
				await submitForm(o.page, sf);
				await o.page.goto(base + '/masuk', { waitUntil: 'load' });
				if (await o.page.locator('form[action="/masuk"] input[name="login"]').count() > 0)
					await browserLogin(o.page, base, p);
				const home = role === 'staff' ? '/dinas' : '/operator';
				const r = await o.page.goto(base + home, { waitUntil: 'load' });
				assert(r.status() === 200, `GET ${home} answered ${r.status()} after setting the password`);
				people[role] = o.page;
			});
		}

		// A company registers in the browser and is verified; two vacancies.
		const company = {
			name: `CV Akses Merata ${randomInt(100, 1000)}`,
			nib: '82' + pad(randomInt(0, 100000000000), 11),
			phone: phone(),
			email: `akses${randomInt(1000, 10000)}@merata.example`,
		};
		const ids = {};
		const ready = await check('axe: company, vacancies, an application with an interview', async () => {
			await registerCompany(employer.page, base, company);
			const adminToken = await apiLogin(base, people.admin);
			const empToken = await apiLogin(base, company.phone);
			const me = await api(base, 'GET', '/api/v1/me', null, empToken);
			const v = await api(base, 'POST', `/api/v1/admin/employers/${me.json.user.id}/verification`,
				{ decision: 'verify' }, adminToken);
			assert(v.status === 200, `verification answered ${v.status}`);
			const villageHtml = await (await fetch(base + '/daftar/pencari-kerja')).text();
			const village = new RegExp(`value="(${DISTRICT.replaceAll('.', '\\.')}\\.\\d+)"`).exec(villageHtml)[1];
			const body = (title) => ({ title, kbji_major: 4, workers_needed: 2, valid_until: futureDate(40),
				education_min: 'sma', skills: 'teliti, jujur', wage_min: 2700000, wage_max: 3100000,
				wage_unit: 'bulan', location: 'tempat', district_code: DISTRICT, village_code: village,
				formal: true, full_time: true, arrangement: 'pkwt', kbli: 'G', apply_method: 'loker', submit: true,
				description: 'Toko bangunan di Purbalingga membutuhkan staf gudang untuk mencatat dan menata ' +
					'barang masuk dan keluar. Jam kerja 08.00 sampai 16.00, ada BPJS Ketenagakerjaan.' });
			for (const [key, title] of [['open', 'Staf gudang toko bangunan'], ['review', 'Kasir toko bangunan']]) {
				const r = await api(base, 'POST', '/api/v1/vacancies', body(title), empToken);
				assert(r.status === 201, `POST /api/v1/vacancies answered ${r.status}: ${r.text.slice(0, 200)}`);
				ids[key] = r.json.vacancy.id;
			}
			// A verified employer's honest vacancy is published at once; a new
			// title sends the second one back to the Dinas for a look.
			const ch = await api(base, 'PATCH', `/api/v1/vacancies/${ids.review}`,
				{ title: 'Kasir dan pramuniaga toko bangunan', submit: true }, empToken);
			assert(ch.status === 200, `PATCH answered ${ch.status}: ${ch.text.slice(0, 200)}`);
			const seekerToken = await apiLogin(base, people.seeker);
			const app = await api(base, 'POST', `/api/v1/vacancies/${ids.open}/applications`,
				{ note: 'Saya teliti dan biasa mencatat barang.' }, seekerToken);
			assert(app.status === 201, `applying answered ${app.status}: ${app.text.slice(0, 200)}`);
			ids.app = app.json.application.id;
			const when = `${futureDate(5)} 09:00`;
			const iv = await api(base, 'PATCH', `/api/v1/applications/${ids.app}`, { status: 'wawancara',
				interview_at: when, interview_place: 'Toko, Jl. Raya Purbalingga 3' }, empToken);
			assert(iv.status === 200, `interview answered ${iv.status}: ${iv.text.slice(0, 200)}`);
			const emp = await api(base, 'GET', '/api/v1/me', null, empToken);
			ids.employer = emp.json.user.id;
			await browserLogin(seeker.page, base, people.seeker);
			return `vacancies ${ids.open}, ${ids.review}; application ${ids.app}`;
		});

		// ---- public pages, logged out ----
		const anon = await newPage();
		extra.push(anon);
		const publicPages = ['/', '/lowongan', '/lowongan?q=gudang', '/cek', '/statistik', '/privasi', '/daftar',
			'/daftar/pencari-kerja', '/daftar/perusahaan', '/daftar/perorangan', '/masuk', '/lupa-sandi',
			'/atur-sandi'];
		if (ready)
			publicPages.push(`/lowongan/${ids.open}`);
		for (const p of publicPages)
			await audit(anon.page, 'public', p);
		await audit(anon.page, 'public', '/tidak-ada-halaman-ini', { status: 404 });
		const tables = await anon.page.goto(base + '/statistik').then(() =>
			anon.page.locator('a[href^="/statistik/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))
				.filter((h) => !/\.[a-z]+$/.test(h.split('?')[0]))));
		if (tables.length)
			await audit(anon.page, 'public', tables[0]);

		if (!ready)
			return;

		// ---- seeker ----
		for (const p of ['/pencari', '/pencari/profil', '/pencari/lamaran',
			`/pencari/lamaran/${ids.app}`, '/pencari/notifikasi', '/pencari/pengaturan-notifikasi',
			'/pencari/pencarian', '/pencari/bekerja', '/pencari/rekomendasi', '/pencari/ak1', '/pencari/hapus',
			'/akun/sandi', `/lowongan/${ids.open}`])
			await audit(seeker.page, 'seeker', p);
		const steps = await seeker.page.goto(base + '/pencari/profil').then(() =>
			seeker.page.locator('a[href^="/pencari/profil?langkah="]').evaluateAll((as) =>
				[...new Set(as.map((a) => a.getAttribute('href')))]));
		for (const p of steps)
			await audit(seeker.page, 'seeker', p);

		// ---- employer ----
		for (const p of ['/pemberi', '/pemberi/lowongan', '/pemberi/lowongan/baru', '/pemberi/lowongan/cepat',
			'/pemberi/lowongan/impor', `/pemberi/lowongan/${ids.open}`, `/pemberi/lowongan/${ids.open}/ubah`,
			`/pemberi/lowongan/${ids.open}/tutup`, `/pemberi/lowongan/${ids.open}/pelamar`,
			`/pemberi/pelamar/${ids.app}`, `/pemberi/lowongan/${ids.open}/kandidat`])
			await audit(employer.page, 'employer', p);

		// ---- Dinas: admin, then staff ----
		for (const p of ['/dinas', '/dinas/moderasi', `/dinas/lowongan/${ids.review}`, '/dinas/pemberi',
			`/dinas/pemberi/${ids.employer}`, '/dinas/pencari', '/dinas/pengguna', '/dinas/audit', '/dinas/laporan',
			'/dinas/statistik', '/dinas/ak1', '/dinas/pesan', `/dinas/lowongan/${ids.open}/kandidat`,
			'/dinas/lowongan/impor'])
			await audit(admin.page, 'admin', p, { plain: false });
		const seekerLink = await admin.page.goto(base + '/dinas/pencari').then(() =>
			admin.page.locator('a[href^="/dinas/pencari/"]').first().getAttribute('href').catch(() => null));
		if (seekerLink)
			await audit(admin.page, 'admin', seekerLink, { plain: false });
		const statLinks = await admin.page.goto(base + '/dinas/statistik').then(() =>
			admin.page.locator('a[href^="/dinas/statistik/"]').evaluateAll((as) =>
				[...new Set(as.map((a) => a.getAttribute('href').split('?')[0]))]
					.filter((h) => !/\.[a-z]+$/.test(h))));
		for (const p of statLinks.slice(0, 3))
			await audit(admin.page, 'admin', p, { plain: false });
		if (people.staff)
			for (const p of ['/dinas', '/dinas/moderasi', '/dinas/laporan'])
				await audit(people.staff, 'staff', p, { plain: false });
		else
			skip('axe staff: /dinas', 'no staff account');

		// ---- village operator ----
		if (people.operator)
			for (const p of ['/operator', '/operator/daftar'])
				await audit(people.operator, 'operator', p);
		else
			skip('axe operator: /operator', 'no operator account');

		// ---- one page type with JavaScript off: the seeker's profile ----
		await check('axe JS off: /pencari/profil as rendered without JavaScript', async () => {
			const off = await newPage({ javaScriptEnabled: false });
			extra.push(off);
			await browserLogin(off.page, base, people.seeker);
			const res = await off.page.goto(base + '/pencari/profil', { waitUntil: 'load' });
			assert(res.status() === 200, `answered ${res.status()}`);
			const html = (await off.page.content()).replace(/<script\b[^]*?<\/script>/gi, '')
				.replace('<head>', `<head><base href="${base}/">`);
			const on = await newPage();
			extra.push(on);
			await on.page.setContent(html, { waitUntil: 'load' });
			const bad = (await axeViolations(on.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
			assert(bad.length === 0, bad.map((v) => `${v.impact} ${v.id} at ${v.targets.join(', ')}`).join('; '));
			const form = off.page.locator('form[action^="/pencari/profil"]').first();
			assert(await form.count() === 1, 'no profile form without JavaScript');
		});
		await check('axe: pages measured', async () => {
			assert(results.pages > 0, 'no page measured');
			return `${results.pages} pages; largest ${results.biggestPath} ${results.biggest} B, ` +
				`statistics ${results.statsPath} ${results.stats} B`;
		});
	} finally {
		for (const c of [admin, employer, seeker, ...extra])
			await c.ctx.close().catch(() => {});
	}
}
