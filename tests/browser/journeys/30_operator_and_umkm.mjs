// Issue 10, items 3 and 5, at 360 px: a village operator registers a
// resident who has no phone and prints the slip (full address, QR code,
// code); the resident sets a password with the NIK and the code. An
// unverified individual employer (UMKM) posts a quick job in one screen
// with "80rb" and sees what was read and that it waits for verification.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const VIEW = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

const phone = () => '0813' + String(randomInt(0, 100000000)).padStart(8, '0');

export default async function (t) {
	const { check, skip, assert, browser, base, tmp, db, keyFile, PASSWORD, DISTRICT, JOB_DISTRICT } = t;
	const steps = [
		'operator: the Dinas admin makes an operator account', 'operator: sets a password with the slip code',
		'operator: registers a resident without a phone at 360 px', 'operator: the slip has the full address, a QR code and the code',
		'operator: the slip prints without the site\'s menus', 'resident: sets a password with the NIK and the slip code',
		'resident: logs in with the NIK',
	];
	// The Dinas admin, made the way a deployment makes it.
	const adminPhone = phone();
	const pwFile = path.join(tmp, 'admin30-password');
	fs.writeFileSync(pwFile, PASSWORD + '\n', { mode: 0o600 });
	const r = spawnSync(t.LOKER_BIN, ['admin', 'add', '--db', db, '--name', 'Admin Dinas Jurnal 30', '--phone', adminPhone,
		'--password-file', pwFile], { cwd: t.ROOT, env: { ...process.env, LOKER_KEY_FILE: keyFile }, encoding: 'utf8',
		timeout: 60000 });
	if (r.status !== 0) {
		for (const s of steps)
			skip(s, `loker admin add exited ${r.status}`);
	} else {
		await operatorJourney(t, adminPhone);
	}
	await umkmJourney(t);
}

async function operatorJourney(t, adminPhone) {
	const { check, skip, assert, browser, base, PASSWORD, DISTRICT, submitForm, fitsScreen, screenshot, bodyText } = t;
	const admin = await browser.newContext();
	const opCtx = await browser.newContext(VIEW);
	const resCtx = await browser.newContext(VIEW);
	const opPhone = phone();
	let opCode = null;
	let slipCode = null;
	let village = null;
	const resident = t.makeSeeker(DISTRICT, 'Mbok Darsini', 'P');
	try {
		const ok = await check('operator: the Dinas admin makes an operator account', async () => {
			const page = await admin.newPage();
			await t.browserLogin(page, base, adminPhone);
			await page.goto(base + '/dinas/pengguna', { waitUntil: 'load' });
			const form = page.locator('form[action="/dinas/pengguna"]');
			await form.locator('select[name="role"]').selectOption('operator');
			await form.locator('input[name="name"]').fill('Operator Desa Jurnal');
			await form.locator('input[name="phone"]').fill(opPhone);
			village = await form.locator(`select[name="village_code"] option[value^="${DISTRICT}."]`).first().getAttribute('value');
			await form.locator('select[name="village_code"]').selectOption(village);
			await submitForm(page, form);
			opCode = (await page.locator('.slip .code').innerText()).trim();
			assert(/^\d{8}$/.test(opCode), `no code on the operator's slip: ${opCode}`);
		});
		const opPage = await opCtx.newPage();
		const ready = ok && await check('operator: sets a password with the slip code', async () => {
			await opPage.goto(base + '/atur-sandi', { waitUntil: 'load' });
			const form = opPage.locator('form[action="/atur-sandi"]');
			await form.locator('input[name="phone"]').fill(opPhone);
			await form.locator('input[name="code"]').fill(opCode);
			await form.locator('input[name="password"]').fill(PASSWORD);
			await form.locator('input[name="password2"]').fill(PASSWORD);
			await submitForm(opPage, form);
			assert(new URL(opPage.url()).pathname === '/operator', `landed on ${opPage.url()}`);
		});
		const registered = ready && await check('operator: registers a resident without a phone at 360 px', async () => {
			await opPage.goto(base + '/operator/daftar', { waitUntil: 'load' });
			await fitsScreen(opPage);
			const text = await bodyText(opPage);
			assert(!text.includes('NIK saya'), 'the operator\'s form speaks as "NIK saya"');
			const form = opPage.locator('form[action="/operator/daftar"]');
			await form.locator('input[name="nik"]').fill(resident.nik);
			await form.locator('input[name="name"]').fill(resident.name);
			await form.locator('input[name="birth_date"]').fill(resident.birthDate).catch(() => {});
			await form.locator(`input[name="sex"][value="${resident.sex}"]`).check().catch(() => {});
			await form.locator('input[name="contact_kind"][value="office"]').check();
			assert(await form.locator('select[name="village_code"]').inputValue() === village,
				'the form does not start at the operator\'s desa');
			await form.locator('input[name="consent"]').check();
			const res = await submitForm(opPage, form);
			assert(res.status() === 200, `registration answered ${res.status()}: ${(await bodyText(opPage)).slice(0, 300)}`);
			slipCode = (await opPage.locator('#slip-code').innerText()).trim();
			assert(/^\d{8}$/.test(slipCode), `no code on the slip: ${slipCode}`);
		});
		if (registered) {
			await check('operator: the slip has the full address, a QR code and the code', async () => {
				await fitsScreen(opPage);
				const text = await bodyText(opPage);
				assert(text.includes(base + '/atur-sandi'), `no full address ${base}/atur-sandi on the slip`);
				assert(text.includes('NIK pada KTP'), 'the slip does not say to log in with the NIK');
				assert(!text.includes(resident.nik), 'the full NIK is on the slip');
				const qr = opPage.locator('.slip-qr svg.qr');
				assert(await qr.count() === 1, 'no QR code');
				const box = await qr.boundingBox();
				assert(box && box.width >= 120, `QR code ${box && box.width} px wide: too small to scan`);
				return await screenshot(opPage, '30-operator-slip.png');
			});
			await check('operator: the slip prints without the site\'s menus', async () => {
				await opPage.emulateMedia({ media: 'print' });
				assert(await opPage.locator('.slip').isVisible(), 'the slip is hidden when printing');
				assert(!(await opPage.locator('a.button:has-text("Selesai")').isVisible()), 'the Selesai button prints');
				assert(!(await opPage.locator('body > header').isVisible()), 'the site header prints');
				await opPage.pdf({ path: path.join(t.ROOT, 'build', 'artifacts', '30-operator-slip.pdf'), width: '105mm',
					height: '148mm' }).catch(() => {});
				await opPage.emulateMedia({ media: 'screen' });
			});
			const resPage = await resCtx.newPage();
			const set = await check('resident: sets a password with the NIK and the slip code', async () => {
				await resPage.goto(base + '/atur-sandi', { waitUntil: 'load' });
				await fitsScreen(resPage);
				const form = resPage.locator('form[action="/atur-sandi"]');
				await form.locator('input[name="phone"]').fill(resident.nik);
				await form.locator('input[name="code"]').fill(slipCode);
				await form.locator('input[name="password"]').fill(PASSWORD);
				await form.locator('input[name="password2"]').fill(PASSWORD);
				await submitForm(resPage, form);
				assert(new URL(resPage.url()).pathname === '/pencari', `landed on ${resPage.url()}`);
			});
			if (set) {
				await check('resident: logs in with the NIK', async () => {
					const fresh = await browser.newContext(VIEW);
					try {
						const p = await fresh.newPage();
						const where = await t.browserLogin(p, base, resident.nik);
						assert(where === '/pencari' || where === '/dasbor', `login with the NIK landed on ${where}`);
					} finally {
						await fresh.close();
					}
				});
			} else {
				skip('resident: logs in with the NIK', 'no password set');
			}
		} else {
			for (const s of ['operator: the slip has the full address, a QR code and the code',
				'operator: the slip prints without the site\'s menus', 'resident: sets a password with the NIK and the slip code',
				'resident: logs in with the NIK'])
				skip(s, 'no resident registered');
		}
	} finally {
		await admin.close();
		await opCtx.close();
		await resCtx.close();
	}
}

async function umkmJourney(t) {
	const { check, skip, assert, browser, base, PASSWORD, JOB_DISTRICT, submitForm, fitsScreen, screenshot, bodyText,
		pickVillage } = t;
	const ctx = await browser.newContext(VIEW);
	const owner = t.makeSeeker(JOB_DISTRICT, 'Pak Warsito', 'L');
	const title = 'Buruh panen padi ' + randomInt(1000, 10000);
	try {
		const page = await ctx.newPage();
		const registered = await check('UMKM: an individual employer registers at 360 px', async () => {
			await page.goto(base + '/daftar/perorangan', { waitUntil: 'load' });
			const form = page.locator('form[action="/daftar/perorangan"]');
			await form.locator('input[name="name"]').fill(owner.name);
			await form.locator('input[name="nik"]').fill(owner.nik);
			await form.locator('input[name="business"]').fill('Sawah dan penggilingan padi');
			await form.locator('input[name="phone"]').fill(owner.phone);
			await pickVillage(form, JOB_DISTRICT);
			await form.locator('input[name="password"]').fill(PASSWORD);
			await form.locator('input[name="password2"]').fill(PASSWORD);
			await form.locator('input[name="consent"]').check();
			await submitForm(page, form);
			assert(new URL(page.url()).pathname === '/pemberi', `landed on ${page.url()}`);
		});
		if (!registered) {
			for (const s of ['UMKM: the quick form starts per day with the account\'s WhatsApp',
				'UMKM: posts a quick job with "80rb" in one screen', 'UMKM: "Lowongan saya" shows it waiting, no CSV import'])
				skip(s, 'no employer');
			return;
		}
		let formHeight = 0;
		const ready = await check('UMKM: the quick form starts per day with the account\'s WhatsApp', async () => {
			await page.goto(base + '/pemberi/lowongan/cepat', { waitUntil: 'load' });
			await fitsScreen(page);
			const form = page.locator('form[action="/pemberi/lowongan/cepat"]');
			assert(await form.locator('select[name="wage_unit"]').inputValue() === 'hari', 'the unit is not "per hari"');
			const wa = (await form.locator('input[name="whatsapp"]').inputValue()).replace(/\D/g, '');
			assert(wa.endsWith(owner.phone.slice(1)), `WhatsApp prefilled with "${wa}", not ${owner.phone}`);
			formHeight = Math.round((await form.boundingBox()).height);
			return `form ${formHeight} px high`;
		});
		const posted = ready && await check('UMKM: posts a quick job with "80rb" in one screen', async () => {
			const form = page.locator('form[action="/pemberi/lowongan/cepat"]');
			await form.locator('input[name="title"]').fill(title);
			await form.locator('input[name="workers_needed"]').fill('3');
			await form.locator('input[name="wage_min"]').fill('80rb');
			await pickVillage(form, JOB_DISTRICT);
			await submitForm(page, form);
			const url = new URL(page.url());
			assert(/^\/pemberi\/lowongan\/\d+$/.test(url.pathname), `after posting: ${page.url()} ${(await bodyText(page)).slice(0, 300)}`);
			const text = await bodyText(page);
			assert(text.includes('Rp80.000 per hari'), 'the amount read is not shown');
			assert(text.includes('tayang setelah akun diverifikasi'), 'no word of waiting for the verification');
			await fitsScreen(page);
			return await screenshot(page, '30-umkm-quick-job.png');
		});
		if (posted) {
			await check('UMKM: "Lowongan saya" shows it waiting, no CSV import', async () => {
				await page.goto(base + '/pemberi/lowongan', { waitUntil: 'load' });
				await fitsScreen(page);
				const text = await bodyText(page);
				assert(text.includes(title), 'the quick job is not listed');
				assert(text.includes('Disimpan, tayang setelah akun diverifikasi'), 'the queued state is not shown');
				assert(!text.includes('Impor CSV'), 'CSV import offered to an individual');
			});
		} else {
			skip('UMKM: "Lowongan saya" shows it waiting, no CSV import', 'nothing posted');
		}
	} finally {
		await ctx.close();
	}
}
