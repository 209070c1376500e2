// Journey 10 (issue 10, item 1): applying never loses the person.
//
// On a 360 px phone a logged-out visitor taps "Lamar" with a note, is asked
// to log in ("Masuk dulu untuk melamar ..."), logs in and lands on the
// confirmation for that vacancy with the note kept, sends it and sees
// "Sudah melamar" where the form was. Then a new visitor starts on the home
// page and goes through registration instead (answering a code step, if
// registration has one, with the code from the outbox); the taps (links and
// buttons; not the taps that focus a field) and the screens with typing are
// counted and printed against the target of at most 8 taps and 3
// typing screens.
import { spawnSync } from 'node:child_process';

const MOBILE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' };
const NOTE = 'Bisa mulai kerja Senin depan, punya motor sendiri.';
const NOTE2 = 'Lulusan SMK, siap kerja lapangan.';

export default async function journey(t) {
	const { check, skip, assert, api, makeSeeker, fitsScreen, screenshot, bodyText, base, browser, state,
		PASSWORD, DISTRICT, STEP_TIMEOUT_MS, LOKER_BIN, db, keyFile, registerSeekerApi } = t;
	const steps = [
		'apply logged out: Lamar on a 360 px vacancy page asks to log in and says why',
		'apply logged out: logging in lands on the confirmation with the note kept',
		'apply logged out: "Kirim lamaran" sends it; the vacancy page then shows "Sudah melamar"',
		'apply logged out: a new seeker from the home page through registration, taps counted',
	];
	if (!state || !state.jobId) {
		steps.forEach((s) => skip(s, 'no published vacancy'));
		return;
	}
	const jobPath = `/lowongan/${state.jobId}`;

	// Clicks (taps) what locator finds and waits for the next page.
	async function tap(page, locator) {
		const [res] = await Promise.all([
			page.waitForNavigation({ waitUntil: 'load', timeout: STEP_TIMEOUT_MS }),
			locator.first().tap(),
		]);
		assert(res, 'no response after the tap');
		return res;
	}

	// An existing seeker, registered through the API (a desa of the kecamatan
	// taken from the registration form's list).
	const seeker = makeSeeker(DISTRICT, 'Tri Handayani', 'P');
	const formPage = await api(base, 'GET', '/daftar/pencari-kerja');
	const villageCode = (new RegExp(`value="(${DISTRICT.replaceAll('.', '\\.')}\\.\\d+)"`).exec(formPage.text) || [])[1];
	const reg = await registerSeekerApi(base, db, {
		nik: seeker.nik, name: seeker.name, birth_date: seeker.birthDate, sex: seeker.sex, phone: seeker.phone,
		password: PASSWORD, district_code: DISTRICT, village_code: villageCode, consent: true,
		domicile_request: false,
	});
	const village = reg.status === 201 ? null : reg.text.slice(0, 160);

	const ctx = await browser.newContext({ ...MOBILE });
	ctx.setDefaultTimeout(STEP_TIMEOUT_MS);
	const page = await ctx.newPage();
	try {
		if (!await check(steps[0], async () => {
			assert(village === null, `seeker not registered: ${village}`);
			const res = await page.goto(base + jobPath, { waitUntil: 'load' });
			assert(res.status() === 200, `GET ${jobPath} answered ${res.status()}`);
			const form = page.locator(`form[action="${jobPath}/lamar-masuk"]`);
			assert(await form.count() === 1, 'no Lamar form for a logged-out visitor');
			const top = await form.boundingBox();
			assert(top && top.y < 740, `the Lamar form starts at ${top && Math.round(top.y)} px, below the first screen`);
			await form.locator('textarea[name="note"]').fill(NOTE);
			await fitsScreen(page);
			await tap(page, form.locator('button[type="submit"]'));
			const url = new URL(page.url());
			assert(url.pathname === '/masuk', `ended at ${url.pathname}`);
			const text = await bodyText(page);
			assert(text.includes('Masuk dulu untuk melamar'), 'the login page does not say why');
			await fitsScreen(page);
			return `form top at ${Math.round(top.y)} px`;
		})) {
			steps.slice(1).forEach((s) => skip(s, 'no login step'));
			return;
		}
		if (!await check(steps[1], async () => {
			const form = page.locator('form[action="/masuk"]');
			await form.locator('input[name="login"]').fill(seeker.phone);
			await form.locator('input[name="password"]').fill(PASSWORD);
			await tap(page, form.locator('button[type="submit"]'));
			const url = new URL(page.url());
			assert(url.pathname === jobPath, `login ended at ${url.pathname}, not the vacancy`);
			const text = await bodyText(page);
			assert(text.includes('belum terkirim'), 'no confirmation notice');
			const note = await page.locator('textarea[name="note"]').inputValue();
			assert(note === NOTE, `the note is "${note}"`);
			await fitsScreen(page);
			await screenshot(page, 'lamar-konfirmasi-360.png');
		})) {
			steps.slice(2).forEach((s) => skip(s, 'no confirmation'));
			return;
		}
		await check(steps[2], async () => {
			await tap(page, page.locator(`form[action="${jobPath}/lamar"] button[type="submit"]`));
			const url = new URL(page.url());
			assert(/^\/pencari\/lamaran\/\d+$/.test(url.pathname), `ended at ${url.pathname}`);
			assert((await bodyText(page)).includes(NOTE), 'the note is not on the application');
			await page.goto(base + jobPath, { waitUntil: 'load' });
			const text = await bodyText(page);
			assert(text.includes('Sudah melamar'), 'no "Sudah melamar"');
			assert(await page.locator(`form[action="${jobPath}/lamar"]`).count() === 0, 'the Lamar form is still there');
			await fitsScreen(page);
			// The seeker's home says what is next: the application and its status.
			await page.goto(base + '/pencari', { waitUntil: 'load' });
			assert(new URL(page.url()).pathname === '/pencari', `home ended at ${page.url()}`);
			const home = await bodyText(page);
			assert(home.includes('Kabar lamaran terbaru'), 'no "Kabar lamaran terbaru" on the home page');
			await fitsScreen(page);
			await screenshot(page, 'pencari-kabar-360.png');
		});
	} finally {
		await ctx.close();
	}

	// A new seeker, from the home page to a sent application.
	const ctx2 = await browser.newContext({ ...MOBILE });
	ctx2.setDefaultTimeout(STEP_TIMEOUT_MS);
	const p = await ctx2.newPage();
	try {
		await check(steps[3], async () => {
			let taps = 0;
			const typing = new Set();
			const s = makeSeeker(DISTRICT, 'Agus Prasetyo', 'L');
			await p.goto(base + '/', { waitUntil: 'load' });
			await tap(p, p.locator('a[href="/lowongan"]'));
			taps++;
			let link = p.locator(`a[href="${jobPath}"]`);
			for (let i = 0; i < 10 && await link.count() === 0; i++) {
				const next = p.locator('a[rel="next"], a:has-text("Berikutnya")');
				assert(await next.count() > 0, `vacancy ${jobPath} not listed`);
				await tap(p, next);
				taps++;
			}
			await tap(p, link);
			taps++;
			const form = p.locator(`form[action="${jobPath}/lamar-masuk"]`);
			await form.locator('textarea[name="note"]').fill(NOTE2);
			typing.add('vacancy');
			await tap(p, form.locator('button[type="submit"]'));
			taps++;
			await tap(p, p.locator('p.notice a[href="/daftar/pencari-kerja"]'));
			taps++;
			const reg = p.locator('form:has(input[name="nik"])').first();
			const fill = async (sel, value) => {
				const f = reg.locator(sel);
				if (await f.count() > 0 && await f.first().isVisible() && await f.first().isEditable())
					await f.first().fill(value);
			};
			await fill('input[name="nik"]', s.nik);
			await fill('input[name="name"]', s.name);
			await fill('input[name="birth_date"]', s.birthDate);
			const sex = reg.locator(`input[name="sex"][value="${s.sex}"]`);
			if (await sex.count() > 0 && await sex.isVisible())
				await sex.check();
			await fill('input[name="phone"]', s.phone);
			await fill('input[name="password"]', PASSWORD);
			await fill('input[name="password2"]', PASSWORD);
			await reg.locator('select[name="district_code"]').selectOption(DISTRICT);
			const option = reg.locator(`select[name="village_code"] option[value^="${DISTRICT}."]:not([disabled])`).first();
			await option.waitFor({ state: 'attached' });
			await reg.locator('select[name="village_code"]').selectOption(await option.getAttribute('value'));
			await reg.locator('input[name="consent"]').check();
			typing.add('registration');
			await tap(p, reg.locator('button[type="submit"]'));
			taps++;
			// A code step (sent by SMS/WhatsApp), when registration has one.
			const code = p.locator('input[name="code"], input[name="kode"]');
			if (new URL(p.url()).pathname !== jobPath && await code.count() > 0) {
				const out = spawnSync(LOKER_BIN, ['outbox', '--db', db], { env: { ...process.env, LOKER_KEY_FILE: keyFile },
					encoding: 'utf8', timeout: 60000 });
				const digits = s.phone.replace(/^0/, '62');
				const line = out.stdout.split('\n').filter((l) => l.includes(digits) || l.includes(s.phone)).pop() || '';
				const m = /(?<!\d)(\d{6,8})(?!\d)/.exec(line.split('\t').slice(3).join('\t'));
				assert(m, 'no code in the outbox');
				await code.first().fill(m[1]);
				typing.add('code');
				await tap(p, p.locator('form:has(input[name="code"], input[name="kode"]) button[type="submit"]'));
				taps++;
			}
			const url = new URL(p.url());
			assert(url.pathname === jobPath, `registration ended at ${url.pathname}, not the vacancy`);
			const note = await p.locator('textarea[name="note"]').inputValue();
			assert(note === NOTE2, `the note is "${note}"`);
			await tap(p, p.locator(`form[action="${jobPath}/lamar"] button[type="submit"]`));
			taps++;
			assert(/^\/pencari\/lamaran\/\d+$/.test(new URL(p.url()).pathname), `ended at ${p.url()}`);
			assert((await bodyText(p)).includes('Lamaran terkirim'), 'no "Lamaran terkirim"');
			assert(taps <= 8, `${taps} taps, the target is at most 8`);
			assert(typing.size <= 3, `${typing.size} typing screens, the target is at most 3`);
			return `home page to sent application: ${taps} taps, ${typing.size} typing screens (${[...typing].join(', ')})`;
		});
	} finally {
		await ctx2.close();
	}
}
