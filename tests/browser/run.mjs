// Browser test of loker (tests/browser/run.mjs): seeker registration, and an
// employer posting informal work that a seeker then finds.
//
// Starts its own server on a fresh database, drives Debian's Chromium through
// playwright-core at a 360 px phone viewport, and checks the registration form
// the way a person uses it: with JavaScript on, and again with it off (pages
// must work without JavaScript). Then a company registers, the Dinas admin
// (made with `loker admin add`) verifies it, it posts a job through the quick
// form /pemberi/lowongan/cepat, and a logged-out visitor finds it by a
// synonym and sees the WhatsApp contact. Then a seeker applies for that job
// on a 360 px phone, the employer moves them to Wawancara with the bulk form
// of the pipeline, and the seeker sees the interview date and place. Prints
// one line per check and ends with "browser: N passed, N failed"; exits 1
// when anything failed.
//
// Environment: LOKER_BIN (default build/asan/loker), CHROMIUM (default
// /usr/bin/chromium), LOKER_ARTIFACTS (default build/artifacts). Relative
// paths are taken from the repository root.

import { chromium } from 'playwright-core';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fromRoot = (p) => path.resolve(ROOT, p);

const LOKER_BIN = fromRoot(process.env.LOKER_BIN || 'build/asan/loker');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = fromRoot(process.env.LOKER_ARTIFACTS || 'build/artifacts');

const HEALTH_TIMEOUT_MS = 30000;
const STEP_TIMEOUT_MS = 15000;
const FORM_PATH = '/daftar/pencari-kerja';
const DASHBOARD_PATH = '/pencari';
const DISTRICT = '33.03.05'; // Kecamatan Purbalingga
const PASSWORD = 'Kata-Sandi-Uji-2025';

// ---- results ---------------------------------------------------------------

let passed = 0;
let failed = 0;

function oneLine(err) {
	const text = err && err.message ? err.message : String(err);
	return text.split('\n').map((s) => s.trim()).filter(Boolean).slice(0, 3).join(' | ');
}

// Runs one check; a thrown error fails it. Returns whether it passed so that
// later steps that depend on it can be skipped (and counted as failed).
async function check(name, fn) {
	try {
		const note = await fn();
		passed++;
		console.log(`ok   ${name}${note ? ` (${note})` : ''}`);
		return true;
	} catch (err) {
		failed++;
		console.log(`FAIL ${name}: ${oneLine(err)}`);
		return false;
	}
}

function skip(name, why) {
	failed++;
	console.log(`FAIL ${name}: skipped, ${why}`);
}

function assert(cond, message) {
	if (!cond)
		throw new Error(message);
}

// ---- test data -------------------------------------------------------------

const pad = (n, width) => String(n).padStart(width, '0');

// A seeker with a valid NIK: PP KK CC DDMMYY SSSS, women's day + 40. Years
// 1980..2004 keep everyone adult and make the two-digit year unambiguous.
function makeSeeker(regionCode, name, sex) {
	const year = randomInt(1980, 2005);
	const month = randomInt(1, 13);
	const day = randomInt(1, 29); // valid in every month
	const nikDay = sex === 'P' ? day + 40 : day;
	const nik = regionCode.replaceAll('.', '') + pad(nikDay, 2) + pad(month, 2) +
		pad(year % 100, 2) + pad(randomInt(1, 10000), 4);
	return {
		nik,
		name,
		sex,
		birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
		phone: '0812' + pad(randomInt(0, 100000000), 8),
		district: DISTRICT,
	};
}

// ---- server ----------------------------------------------------------------

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

function startServer(tmp, port, logPath) {
	const log = fs.openSync(logPath, 'w');
	const child = spawn(LOKER_BIN, ['serve', '--db', path.join(tmp, 'loker.db'), '--port', String(port)], {
		cwd: ROOT,
		env: { ...process.env, LOKER_KEY_FILE: path.join(tmp, 'key') },
		stdio: ['ignore', log, log],
	});
	fs.closeSync(log);
	child.exited = false;
	child.exitInfo = null;
	child.on('exit', (code, signal) => {
		child.exited = true;
		child.exitInfo = signal ? `signal ${signal}` : `exit code ${code}`;
	});
	child.on('error', (err) => {
		child.exited = true;
		child.exitInfo = oneLine(err);
	});
	return child;
}

async function waitHealthy(base, child) {
	const deadline = Date.now() + HEALTH_TIMEOUT_MS;
	let last = 'no answer';
	while (Date.now() < deadline) {
		if (child.exited)
			throw new Error(`server ended early (${child.exitInfo})`);
		try {
			const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
			if (res.status === 200)
				return;
			last = `status ${res.status}`;
		} catch (err) {
			last = oneLine(err);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`GET /healthz not 200 within ${HEALTH_TIMEOUT_MS / 1000} s (${last})`);
}

// SIGTERM, then SIGKILL if the server does not stop within 5 s.
async function stopServer(child) {
	if (!child || child.exited)
		return;
	const gone = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	const timer = setTimeout(() => { if (!child.exited) child.kill('SIGKILL'); }, 5000);
	await gone;
	clearTimeout(timer);
}

// ---- page helpers ----------------------------------------------------------

const seekerForm = (page) => page.locator(`form:has(input[name="nik"])`).first();

async function openForm(page, base) {
	const res = await page.goto(base + FORM_PATH, { waitUntil: 'load' });
	assert(res, `no response for ${FORM_PATH}`);
	assert(res.status() === 200, `GET ${FORM_PATH} answered ${res.status()}`);
	const form = seekerForm(page);
	assert(await form.count() === 1, 'no form with an input named "nik"');
	assert(await form.locator('input[type="hidden"][name="csrf"]').count() === 1,
		'form has no hidden "csrf" input');
	return form;
}

async function fillSeeker(page, s) {
	const form = seekerForm(page);
	await form.locator('input[name="nik"]').fill(s.nik);
	await form.locator('input[name="name"]').fill(s.name);
	await form.locator('input[name="phone"]').fill(s.phone);
	await form.locator('input[name="password"]').fill(PASSWORD);
	await form.locator('input[name="password2"]').fill(PASSWORD);
	await form.locator('select[name="district_code"]').selectOption(s.district);
	// The first desa/kelurahan of the chosen kecamatan; with JavaScript the
	// page may narrow the list after the district changes, so wait for it.
	const option = form.locator(`select[name="village_code"] option[value^="${s.district}."]:not([disabled])`).first();
	await option.waitFor({ state: 'attached' });
	s.village = await option.getAttribute('value');
	await form.locator('select[name="village_code"]').selectOption(s.village);
	await form.locator('input[name="consent"]').check();
}

// Clicks the form's submit button and waits for the page that follows.
// Returns { res, post }: the final document response and the POST's status.
async function submit(page) {
	const form = seekerForm(page);
	const button = form.locator('button[type="submit"], button:not([type]), input[type="submit"]').first();
	try {
		const [res] = await Promise.all([
			page.waitForNavigation({ waitUntil: 'load', timeout: STEP_TIMEOUT_MS }),
			button.click(),
		]);
		assert(res, 'no response after submitting');
		const first = res.request().redirectedFrom();
		const postRes = first ? await first.response() : res;
		return { res, post: postRes ? postRes.status() : 0 };
	} catch (err) {
		// Usually the browser refused to submit: name the fields it found invalid.
		const invalid = form.locator(':invalid');
		const names = [];
		for (let i = 0; i < Math.min(await invalid.count(), 10); i++)
			names.push(await invalid.nth(i).getAttribute('name'));
		if (names.length)
			throw new Error(`browser blocked the submit, invalid fields: ${names.join(', ')}`);
		throw err;
	}
}

const bodyText = (page) => page.locator('body').innerText();

// The newest sign-up code the server with database db queued for phone
// ("0812..."), read with `loker outbox` as the person reads their WhatsApp.
function signupCode(db, phone) {
	const out = spawnSync(LOKER_BIN, ['outbox', '--db', db], { encoding: 'utf8',
		env: { ...process.env, LOKER_KEY_FILE: path.join(path.dirname(db), 'key') } });
	const to = '62' + phone.slice(1);
	const codes = out.stdout.split('\n').filter((l) => l.split('\t')[2] === to)
		.map((l) => /Kode pendaftaran loker Purbalingga: (\d{8})/.exec(l)).filter(Boolean);
	assert(codes.length > 0, `no registration code in the outbox for ${to}: ${out.stderr}`);
	return codes[codes.length - 1][1];
}

// A seeker registered through the API: POST /api/v1/seekers, then the code
// step. Returns the confirmation's answer (201 with the seeker and a token),
// or the first answer when that was not 202.
async function registerSeekerApi(base, db, body) {
	const first = await api(base, 'POST', '/api/v1/seekers', body);
	if (first.status !== 202)
		return first;
	return api(base, 'POST', '/api/v1/seekers/confirm', { phone: body.phone, code: signupCode(db, body.phone) });
}

// Registers s on the open form and checks the dashboard shows the name and
// only a masked NIK.
async function registerAndCheckDashboard(page, s) {
	await fillSeeker(page, s);
	const first = await submit(page);
	// The code page shows what the NIK says; the code comes by WhatsApp, read
	// here from the outbox of the server on this port (`loker outbox`).
	const codeForm = page.locator('form[action="/daftar/kode"]');
	assert(await codeForm.count() === 1, `no code form after the registration form (POST answered ${first.post})`);
	const shown = await bodyText(page);
	assert(shown.includes(s.sex === 'P' ? 'Perempuan' : 'Laki-laki'), 'the sex read from the NIK is not shown');
	const port = new URL(page.url()).port;
	const argv = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map((p) => {
		try { return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0'); } catch { return []; }
	}).find((a) => a.includes('serve') && a.includes('--port') && a[a.indexOf('--port') + 1] === port);
	assert(argv, `no loker server found on port ${port}`);
	await codeForm.locator('input[name="code"]').fill(signupCode(argv[argv.indexOf('--db') + 1], s.phone));
	const [res] = await Promise.all([
		page.waitForNavigation({ waitUntil: 'load', timeout: STEP_TIMEOUT_MS }),
		codeForm.locator('button[type="submit"]').click(),
	]);
	const redirected = res && res.request().redirectedFrom();
	const post = redirected && await redirected.response() ? (await redirected.response()).status() : 0;
	const url = new URL(page.url());
	assert(url.pathname === DASHBOARD_PATH,
		`ended at ${url.pathname} (POST answered ${post}), wanted ${DASHBOARD_PATH}`);
	const text = await bodyText(page);
	assert(text.includes(s.name), `name "${s.name}" not visible on ${DASHBOARD_PATH}`);
	assert(text.includes('••••'), 'masked NIK ("••••") not visible');
	assert(!(await page.content()).includes(s.nik), 'full NIK appears in the page');
	return `POST ${post}, village ${s.village}`;
}

// ---- scenarios -------------------------------------------------------------

const MOBILE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' };

async function withJavaScript(browser, base) {
	const context = await browser.newContext({ ...MOBILE });
	context.setDefaultTimeout(STEP_TIMEOUT_MS);
	const page = await context.newPage();
	try {
		const formOk = await check('JS on: registration form loads with csrf', async () => {
			await openForm(page, base);
		});
		if (!formOk) {
			skip('JS on: fits a 360 px screen', 'form did not load');
			skip('JS on: Banyumas NIK refused with "bukan Purbalingga"', 'form did not load');
			skip('JS on: seeker registers and reaches /pencari with masked NIK', 'form did not load');
			return;
		}

		await check('JS on: fits a 360 px screen', async () => {
			const { inner, scroll } = await page.evaluate(() => ({
				inner: window.innerWidth,
				scroll: document.documentElement.scrollWidth,
			}));
			assert(inner === 360, `layout width ${inner}, not 360 (missing <meta name="viewport">?)`);
			assert(scroll <= inner, `page is ${scroll} px wide: scrolls sideways`);
		});

		await check('screenshot of the registration form', async () => {
			const file = path.join(ARTIFACTS, 'daftar-pencari-kerja-360.png');
			await page.screenshot({ path: file, fullPage: true });
			return path.relative(ROOT, file);
		});

		await check('JS on: Banyumas NIK refused with "bukan Purbalingga"', async () => {
			const outsider = makeSeeker('33.02.02', 'Dewi Lestari', 'P');
			await fillSeeker(page, outsider);
			const { res } = await submit(page);
			const url = new URL(page.url());
			assert(url.pathname === FORM_PATH, `ended at ${url.pathname}, wanted the form again`);
			assert(res.status() === 422, `status ${res.status()}, wanted 422`);
			const text = await bodyText(page);
			assert(text.includes('bukan Purbalingga'), 'no message containing "bukan Purbalingga"');
			const form = seekerForm(page);
			assert(await form.locator('input[name="name"]').inputValue() === outsider.name,
				'form did not keep the name');
			// Issue 10: a password typed twice alike is kept when another field is wrong.
			assert(await form.locator('input[name="password"]').inputValue() === PASSWORD,
				'form re-rendered without the password the person typed');
		});

		const seeker = makeSeeker(DISTRICT, 'Siti Nurhaliza', 'P');
		const registered = await check('JS on: seeker registers and reaches /pencari with masked NIK', async () => {
			await openForm(page, base);
			return registerAndCheckDashboard(page, seeker);
		});

		if (registered) {
			await check('screenshot of the seeker dashboard', async () => {
				const file = path.join(ARTIFACTS, 'pencari-360.png');
				await page.screenshot({ path: file, fullPage: true });
				return path.relative(ROOT, file);
			});
		} else {
			skip('screenshot of the seeker dashboard', 'registration failed');
		}
	} finally {
		await context.close();
	}
}

async function withoutJavaScript(browser, base) {
	const context = await browser.newContext({ ...MOBILE, javaScriptEnabled: false });
	context.setDefaultTimeout(STEP_TIMEOUT_MS);
	const page = await context.newPage();
	try {
		const formOk = await check('JS off: registration form loads with csrf', async () => {
			await openForm(page, base);
		});
		if (!formOk) {
			skip('JS off: second seeker registers and reaches /pencari with masked NIK', 'form did not load');
			return;
		}
		await check('JS off: second seeker registers and reaches /pencari with masked NIK', async () => {
			return registerAndCheckDashboard(page, makeSeeker(DISTRICT, 'Budi Santoso', 'L'));
		});
	} finally {
		await context.close();
	}
}

// ---- employer posts informal work, a seeker finds it -------------------------

const JOB_TITLE = 'Tukang batu untuk bangun rumah';
// data/occupations.csv: "tukang tembok" is a name of the mason's occupation
// (tukang_batu) that is not in the title, so only the occupation layer can find it.
const JOB_QUERY = 'tukang tembok';
const JOB_DISTRICT = '33.03.07'; // Kecamatan Kutasari

// The first Dinas admin, made the way a deployment makes it.
function addAdmin(tmp) {
	const phone = '0812' + pad(randomInt(0, 100000000), 8);
	const pwFile = path.join(tmp, 'admin-password');
	fs.writeFileSync(pwFile, PASSWORD + '\n', { mode: 0o600 });
	const r = spawnSync(LOKER_BIN, ['admin', 'add', '--db', path.join(tmp, 'loker.db'), '--name', 'Admin Dinas Uji',
		'--phone', phone, '--password-file', pwFile], {
		cwd: ROOT,
		env: { ...process.env, LOKER_KEY_FILE: path.join(tmp, 'key') },
		encoding: 'utf8',
		timeout: 60000,
	});
	assert(r.status === 0, `loker admin add exited ${r.status}: ${(r.stderr || '').trim().slice(0, 200)}`);
	return phone;
}

async function api(base, method, p, body, token) {
	const headers = { Accept: 'application/json' };
	if (body)
		headers['Content-Type'] = 'application/json';
	if (token)
		headers.Authorization = `Bearer ${token}`;
	const res = await fetch(base + p, { method, headers, body: body ? JSON.stringify(body) : undefined,
		signal: AbortSignal.timeout(60000) });
	const text = await res.text();
	let json = null;
	try { json = JSON.parse(text); } catch { /* not JSON */ }
	return { status: res.status, json, text };
}

async function apiLogin(base, login) {
	const r = await api(base, 'POST', '/api/v1/session', { login, password: PASSWORD });
	assert(r.status === 201, `API login of ${login} answered ${r.status}: ${r.text.slice(0, 200)}`);
	return r.json.token;
}

async function fitsScreen(page) {
	const { inner, scroll } = await page.evaluate(() => ({
		inner: window.innerWidth,
		scroll: document.documentElement.scrollWidth,
	}));
	assert(inner === 360, `layout width ${inner}, not 360`);
	assert(scroll <= inner, `page is ${scroll} px wide: scrolls sideways`);
}

async function pickVillage(form, district) {
	await form.locator('select[name="district_code"]').selectOption(district);
	const option = form.locator(`select[name="village_code"] option[value^="${district}."]:not([disabled])`).first();
	await option.waitFor({ state: 'attached' });
	const village = await option.getAttribute('value');
	await form.locator('select[name="village_code"]').selectOption(village);
	return village;
}

// Clicks the submit button of form and waits for the next page.
async function submitForm(page, form) {
	const button = form.locator('button[type="submit"], button:not([type]), input[type="submit"]').first();
	const [res] = await Promise.all([
		page.waitForNavigation({ waitUntil: 'load', timeout: STEP_TIMEOUT_MS }),
		button.click(),
	]);
	assert(res, 'no response after submitting');
	return res;
}

async function registerCompany(page, base, c) {
	const res = await page.goto(base + '/daftar/perusahaan', { waitUntil: 'load' });
	assert(res && res.status() === 200, `GET /daftar/perusahaan answered ${res && res.status()}`);
	const form = page.locator('form:has(input[name="company_name"])').first();
	await form.locator('input[name="company_name"]').fill(c.name);
	await form.locator('input[name="nib"]').fill(c.nib);
	await form.locator('select[name="kbli"]').selectOption('F');
	await form.locator('[name="address"]').fill('Jl. Raya Kutasari No. 7');
	await pickVillage(form, JOB_DISTRICT);
	await form.locator('input[name="contact_person"]').fill('Bapak Sugeng');
	await form.locator('input[name="phone"]').fill(c.phone);
	await form.locator('input[name="email"]').fill(c.email);
	await form.locator('input[name="password"]').fill(PASSWORD);
	await form.locator('input[name="password2"]').fill(PASSWORD);
	await form.locator('input[name="consent"]').check();
	await submitForm(page, form);
	const url = new URL(page.url());
	assert(url.pathname === '/pemberi', `registration ended at ${url.pathname}, wanted /pemberi`);
}

// Returns { adminPhone, company, jobId } for the scenarios that follow;
// jobId stays null unless the vacancy was published.
async function quickPostAndSearch(browser, base, tmp) {
	const state = { adminPhone: null, company: null, jobId: null };
	const steps = [
		'employer: company registers in the browser', 'Dinas admin verifies the company',
		'employer: quick form /pemberi/lowongan/cepat fits a 360 px screen', 'screenshot of the quick form',
		'employer: quick informal job is published', `seeker (logged out): /lowongan?q=${JOB_QUERY} finds it`,
		'screenshot of the search results', 'seeker: vacancy page shows the WhatsApp contact',
	];
	let adminPhone = null;
	if (!await check('loker admin add creates the Dinas admin', async () => { adminPhone = addAdmin(tmp); })) {
		steps.forEach((s) => skip(s, 'no admin'));
		return state;
	}
	state.adminPhone = adminPhone;
	const company = {
		name: `CV Bangun Sejahtera ${randomInt(100, 1000)}`,
		nib: '81' + pad(randomInt(0, 100000000000), 11),
		phone: '0812' + pad(randomInt(0, 100000000), 8),
		email: `kontak${randomInt(1000, 10000)}@bangun.example`,
	};
	state.company = company;
	const waNumber = '0857' + pad(randomInt(0, 100000000), 8);
	const employerCtx = await browser.newContext({ ...MOBILE });
	employerCtx.setDefaultTimeout(STEP_TIMEOUT_MS);
	const page = await employerCtx.newPage();
	let jobUrl = null;
	try {
		if (!await check(steps[0], async () => { await registerCompany(page, base, company); return company.name; })) {
			steps.slice(1).forEach((s) => skip(s, 'no employer'));
			return state;
		}
		if (!await check(steps[1], async () => {
			const admin = await apiLogin(base, adminPhone);
			const me = await api(base, 'GET', '/api/v1/me', null, await apiLogin(base, company.phone));
			assert(me.status === 200, `GET /api/v1/me answered ${me.status}`);
			const id = me.json.user.id;
			const v = await api(base, 'POST', `/api/v1/admin/employers/${id}/verification`, { decision: 'verify' }, admin);
			assert(v.status === 200, `verification answered ${v.status}: ${v.text.slice(0, 200)}`);
			const home = await page.goto(base + '/pemberi', { waitUntil: 'load' });
			assert(home.status() === 200, `GET /pemberi answered ${home.status()}`);
			assert((await bodyText(page)).includes('Terverifikasi'), 'the dashboard does not say "Terverifikasi"');
			return `employer ${id}`;
		})) {
			steps.slice(2).forEach((s) => skip(s, 'employer not verified'));
			return state;
		}

		const formOk = await check(steps[2], async () => {
			const res = await page.goto(base + '/pemberi/lowongan/cepat', { waitUntil: 'load' });
			assert(res.status() === 200, `GET /pemberi/lowongan/cepat answered ${res.status()}`);
			const form = page.locator('form:has(input[name="title"])').first();
			assert(await form.locator('input[type="hidden"][name="csrf"]').count() === 1, 'no csrf input');
			await form.locator('input[name="title"]').fill(JOB_TITLE);
			await form.locator('input[name="workers_needed"]').fill('3');
			await form.locator('input[name="duration_days"]').fill('5');
			await form.locator('input[name="wage_min"]').fill('120.000');
			await form.locator('select[name="wage_unit"]').selectOption('hari');
			await form.locator('input[name="location"][value="tempat"]').check();
			await pickVillage(form, JOB_DISTRICT);
			await form.locator('input[name="apply_method"][value="whatsapp"]').check();
			await form.locator('input[name="whatsapp"]').fill(waNumber);
			await fitsScreen(page);
		});
		if (!formOk) {
			steps.slice(3).forEach((s) => skip(s, 'quick form did not load'));
			return state;
		}
		await check(steps[3], async () => {
			const file = path.join(ARTIFACTS, 'lowongan-cepat-360.png');
			await page.screenshot({ path: file, fullPage: true });
			return path.relative(ROOT, file);
		});
		if (!await check(steps[4], async () => {
			const form = page.locator('form:has(input[name="title"])').first();
			await submitForm(page, form);
			const url = new URL(page.url());
			assert(/^\/pemberi\/lowongan\/\d+$/.test(url.pathname),
				`ended at ${url.pathname}: ${(await bodyText(page)).slice(0, 200)}`);
			assert(url.searchParams.get('tersimpan') === 'published',
				`saved as "${url.searchParams.get('tersimpan')}", not published`);
			jobUrl = url.pathname.replace('/pemberi', '');
			state.jobId = Number(url.pathname.split('/').pop());
			return jobUrl;
		})) {
			steps.slice(5).forEach((s) => skip(s, 'not published'));
			return state;
		}
	} finally {
		await employerCtx.close();
	}

	const seekerCtx = await browser.newContext({ ...MOBILE });
	seekerCtx.setDefaultTimeout(STEP_TIMEOUT_MS);
	const sp = await seekerCtx.newPage();
	try {
		const found = await check(steps[5], async () => {
			const res = await sp.goto(`${base}/lowongan?q=${encodeURIComponent(JOB_QUERY)}`, { waitUntil: 'load' });
			assert(res.status() === 200, `search answered ${res.status()}`);
			const link = sp.locator(`a[href="${jobUrl}"]`);
			assert(await link.count() >= 1, `no link to ${jobUrl} in the results`);
			assert((await link.first().innerText()).includes(JOB_TITLE), 'the result link lacks the title');
			await fitsScreen(sp);
		});
		if (!found) {
			steps.slice(6).forEach((s) => skip(s, 'not found'));
			return state;
		}
		await check(steps[6], async () => {
			const file = path.join(ARTIFACTS, 'cari-lowongan-360.png');
			await sp.screenshot({ path: file, fullPage: true });
			return path.relative(ROOT, file);
		});
		await check(steps[7], async () => {
			await Promise.all([
				sp.waitForNavigation({ waitUntil: 'load', timeout: STEP_TIMEOUT_MS }),
				sp.locator(`a[href="${jobUrl}"]`).first().click(),
			]);
			assert(new URL(sp.url()).pathname === jobUrl, `opened ${sp.url()}`);
			const text = await bodyText(sp);
			assert(text.includes(JOB_TITLE), 'title missing');
			assert(text.includes('WhatsApp'), 'no WhatsApp contact');
			const digits = '62' + waNumber.slice(1);
			const wa = sp.locator(`a[href^="https://wa.me/${digits}"]`);
			assert(await wa.count() >= 1, `no link to https://wa.me/${digits}`);
			assert(/120\.000/.test(text), 'wage Rp120.000 not shown');
			await fitsScreen(sp);
			return `wa.me/${digits}`;
		});
	} finally {
		await seekerCtx.close();
	}
	return state;
}

// ---- a seeker applies, the employer invites them to an interview ----------

const APPLY_NOTE = 'Saya pernah jadi laden dua tahun, bisa mulai minggu depan.';
const INTERVIEW_PLACE = 'Kantor CV, Jl. Raya Kutasari No. 7';
const INTERVIEW_MESSAGE = 'Bawa KTP dan baju kerja.';

// "YYYY-MM-DD 09:00" a week from today, as the pipeline form takes it.
function interviewTime() {
	const d = new Date(Date.now() + 7 * 86400 * 1000);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)} 09:00`;
}

// The same time as people read it: "Senin, 7 Desember 2026 pukul 09.00".
function inWords(stamp) {
	const [y, m, d] = stamp.slice(0, 10).split('-').map(Number);
	const day = new Date(Date.UTC(y, m - 1, d));
	const days = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
	const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus',
		'September', 'Oktober', 'November', 'Desember'];
	return `${days[day.getUTCDay()]}, ${d} ${months[m - 1]} ${y} pukul ${stamp.slice(11, 16).replace(':', '.')}`;
}

async function browserLogin(page, base, login) {
	const res = await page.goto(base + '/masuk', { waitUntil: 'load' });
	assert(res && res.status() === 200, `GET /masuk answered ${res && res.status()}`);
	const form = page.locator('form[action="/masuk"]').first();
	await form.locator('input[name="login"]').fill(login);
	await form.locator('input[name="password"]').fill(PASSWORD);
	await submitForm(page, form);
	const url = new URL(page.url());
	assert(url.pathname !== '/masuk', `login of ${login} failed: ${(await bodyText(page)).slice(0, 200)}`);
	return url.pathname;
}

async function screenshot(page, name) {
	const file = path.join(ARTIFACTS, name);
	await page.screenshot({ path: file, fullPage: true });
	return path.relative(ROOT, file);
}

async function applyAndInterview(browser, base, state) {
	const steps = [
		'seeker: registers for applying', 'seeker: vacancy page shows the Lamar form on a 360 px screen',
		'screenshot of the Lamar form', 'seeker: taps "Lamar" and lands on /pencari/lamaran/{id}',
		'employer: pipeline /pemberi/lowongan/{id}/pelamar lists the applicant',
		'employer: bulk form moves the applicant to Wawancara',
		'seeker: application shows Wawancara with date and place', 'screenshot of the interview invitation',
	];
	if (!state || !state.jobId || !state.company) {
		steps.forEach((s) => skip(s, 'no published vacancy'));
		return;
	}
	const jobId = state.jobId;
	const jobPath = `/lowongan/${jobId}`;
	const pipelinePath = `/pemberi/lowongan/${jobId}/pelamar`;
	const when = interviewTime();
	const seeker = makeSeeker(DISTRICT, 'Rina Kartika', 'P');
	let appPath = null;
	let appId = null;

	const seekerCtx = await browser.newContext({ ...MOBILE });
	seekerCtx.setDefaultTimeout(STEP_TIMEOUT_MS);
	const sp = await seekerCtx.newPage();
	const employerCtx = await browser.newContext({ ...MOBILE });
	employerCtx.setDefaultTimeout(STEP_TIMEOUT_MS);
	const ep = await employerCtx.newPage();
	try {
		if (!await check(steps[0], async () => {
			await openForm(sp, base);
			return registerAndCheckDashboard(sp, seeker);
		})) {
			steps.slice(1).forEach((s) => skip(s, 'no seeker'));
			return;
		}
		const applyForm = sp.locator(`form[action="${jobPath}/lamar"]`).first();
		if (!await check(steps[1], async () => {
			const res = await sp.goto(base + jobPath, { waitUntil: 'load' });
			assert(res.status() === 200, `GET ${jobPath} answered ${res.status()}`);
			assert(await applyForm.count() === 1, `no form posting to ${jobPath}/lamar`);
			assert(await applyForm.locator('input[type="hidden"][name="csrf"]').count() === 1, 'no csrf input');
			await applyForm.locator('textarea[name="note"]').fill(APPLY_NOTE);
			await applyForm.locator('button[type="submit"]', { hasText: 'Lamar' }).scrollIntoViewIfNeeded();
			await fitsScreen(sp);
		})) {
			steps.slice(2).forEach((s) => skip(s, 'no Lamar form'));
			return;
		}
		await check(steps[2], () => screenshot(sp, 'lamar-360.png'));
		if (!await check(steps[3], async () => {
			const button = applyForm.locator('button[type="submit"]', { hasText: 'Lamar' }).first();
			const [res] = await Promise.all([
				sp.waitForNavigation({ waitUntil: 'load', timeout: STEP_TIMEOUT_MS }),
				button.tap(),
			]);
			assert(res, 'no response after tapping Lamar');
			const url = new URL(sp.url());
			const m = /^\/pencari\/lamaran\/(\d+)$/.exec(url.pathname);
			assert(m, `ended at ${url.pathname} (status ${res.status()}): ${(await bodyText(sp)).slice(0, 200)}`);
			appPath = url.pathname;
			appId = m[1];
			const text = await bodyText(sp);
			assert(text.includes('Lamaran terkirim'), 'no "Lamaran terkirim" notice');
			assert(text.includes('Baru'), 'status "Baru" not shown');
			assert(text.includes(APPLY_NOTE), 'the note is not shown back');
			await fitsScreen(sp);
			return appPath;
		})) {
			steps.slice(4).forEach((s) => skip(s, 'not applied'));
			return;
		}

		const pipelineForm = ep.locator(`form[action="${pipelinePath}"]`).first();
		const box = pipelineForm.locator(`input[type="checkbox"][name="ids"][value="${appId}"]`);
		if (!await check(steps[4], async () => {
			await browserLogin(ep, base, state.company.phone);
			const res = await ep.goto(base + pipelinePath, { waitUntil: 'load' });
			assert(res.status() === 200, `GET ${pipelinePath} answered ${res.status()}`);
			assert(await pipelineForm.count() === 1, `no form posting to ${pipelinePath}`);
			assert(await pipelineForm.locator('input[type="hidden"][name="csrf"]').count() === 1, 'no csrf input');
			assert(await box.count() === 1, `no checkbox for application ${appId}`);
			const text = await bodyText(ep);
			assert(text.includes(seeker.name), `applicant "${seeker.name}" not listed`);
			assert(/Kecocokan \d+%/.test(text), 'no match score shown');
			await fitsScreen(ep);
		})) {
			steps.slice(5).forEach((s) => skip(s, 'no pipeline'));
			return;
		}
		if (!await check(steps[5], async () => {
			await box.check();
			await pipelineForm.locator('select[name="status"]').selectOption('wawancara');
			await pipelineForm.locator('input[name="interview_at"]').fill(when);
			await pipelineForm.locator('input[name="interview_place"]').fill(INTERVIEW_PLACE);
			await pipelineForm.locator('textarea[name="interview_message"]').fill(INTERVIEW_MESSAGE);
			await submitForm(ep, pipelineForm);
			const url = new URL(ep.url());
			assert(url.pathname === pipelinePath,
				`ended at ${url.pathname}: ${(await bodyText(ep)).slice(0, 200)}`);
			assert(url.searchParams.get('tersimpan') === '1',
				`tersimpan=${url.searchParams.get('tersimpan')}, wanted 1: ${(await bodyText(ep)).slice(0, 200)}`);
			const group = ep.locator('section.group-wawancara');
			assert(await group.count() === 1, 'no Wawancara group');
			const groupText = await group.innerText();
			assert(groupText.includes(seeker.name), 'the applicant is not in the Wawancara group');
			assert(groupText.includes(inWords(when)) && groupText.includes(INTERVIEW_PLACE),
				'the Wawancara group lacks the date or place');
			return `${when}`;
		})) {
			steps.slice(6).forEach((s) => skip(s, 'status not changed'));
			return;
		}
		if (!await check(steps[6], async () => {
			const res = await sp.reload({ waitUntil: 'load' });
			assert(res && res.status() === 200, `reload of ${appPath} answered ${res && res.status()}`);
			assert(new URL(sp.url()).pathname === appPath, `reload ended at ${sp.url()}`);
			const text = await bodyText(sp);
			assert(text.includes('Wawancara'), 'status "Wawancara" not shown');
			assert(text.includes(inWords(when)), `interview date "${inWords(when)}" not shown`);
			assert(text.includes(INTERVIEW_PLACE), `interview place "${INTERVIEW_PLACE}" not shown`);
			assert(text.includes(INTERVIEW_MESSAGE), 'interview message not shown');
			await fitsScreen(sp);
		})) {
			skip(steps[7], 'no interview shown');
			return;
		}
		await check(steps[7], () => screenshot(sp, 'lamaran-wawancara-360.png'));
	} finally {
		await employerCtx.close();
		await seekerCtx.close();
	}
}

// ---- main ------------------------------------------------------------------

// Each tests/browser/journeys/*.mjs exports a default async function that
// receives this toolkit plus { browser, base, tmp, state } and reports through
// check(); journeys run one after another in file-name order on the same
// server, so each makes its own accounts.
const toolkit = {
	ROOT, LOKER_BIN, PASSWORD, DISTRICT, JOB_DISTRICT, STEP_TIMEOUT_MS,
	check, skip, assert, makeSeeker, api, apiLogin, fitsScreen, pickVillage,
	submitForm, registerCompany, browserLogin, screenshot, bodyText, registerSeekerApi,
};

async function runJourneys(ctx) {
	const dir = path.join(ROOT, 'tests', 'browser', 'journeys');
	if (!fs.existsSync(dir))
		return;
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort()) {
		const journey = await import(path.join(dir, file));
		try {
			await journey.default({ ...toolkit, ...ctx, db: path.join(ctx.tmp, 'loker.db'),
				keyFile: path.join(ctx.tmp, 'key') });
		} catch (err) {
			failed++;
			console.log(`FAIL ${file}: ${oneLine(err)}`);
		}
	}
}

async function main() {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'loker-browser-'));
	const logPath = path.join(ARTIFACTS, 'browser-server.log');
	let server = null;
	let browser = null;

	const onSignal = (sig) => {
		if (server && !server.exited)
			server.kill('SIGKILL');
		process.exit(sig === 'SIGINT' ? 130 : 143);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);

	try {
		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		server = startServer(tmp, port, logPath);
		const up = await check('server answers GET /healthz', async () => {
			await waitHealthy(base, server);
			return `${path.relative(ROOT, LOKER_BIN)} on port ${port}`;
		});
		if (!up)
			return;

		const launched = await check('Chromium starts', async () => {
			browser = await chromium.launch({
				executablePath: CHROMIUM,
				headless: true,
				args: [
					'--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic',
					'--no-first-run', '--disable-background-networking',
					'--disable-component-update', '--disable-sync',
				],
			});
			return browser.version();
		});
		if (!launched)
			return;

		await withJavaScript(browser, base);
		await withoutJavaScript(browser, base);
		const state = await quickPostAndSearch(browser, base, tmp);
		await applyAndInterview(browser, base, state);
		await runJourneys({ browser, base, tmp, state });

		await check('server still running after the tests', async () => {
			assert(!server.exited, `server ended (${server.exitInfo})`);
		});
	} finally {
		if (browser)
			await browser.close().catch(() => {});
		await stopServer(server);
		if (server && server.pid) {
			await check('no sanitizer reports in the server log', async () => {
				const log = fs.readFileSync(logPath, 'utf8');
				const bad = log.split('\n').find((l) =>
					/ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:/.test(l));
				assert(!bad, `${path.relative(ROOT, logPath)}: ${bad}`);
			});
		}
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

try {
	await main();
} catch (err) {
	failed++;
	console.log(`FAIL unexpected error: ${oneLine(err)}`);
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
