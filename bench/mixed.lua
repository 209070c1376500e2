-- mixed.lua - used by bench/mixed.sh: the regency's day in one wrk run.
-- Each request is drawn at random: 70 % search and browsing (the search page
-- with realistic words and filters, the home page, the open statistics),
-- 15 % vacancy pages, 10 % Dinas dashboards (statistics and the monthly
-- report, with a staff session cookie), 5 % writes (3 %: a seeker applies
-- through the API; 1 %: the employer moves an applicant on to "diseleksi";
-- 1 %: the employer posts a vacancy). mixed.sh passes the data in the
-- environment: BENCH_COOKIE (staff session), BENCH_TOKENS (seekers' bearer
-- tokens, comma-separated), BENCH_EMP_TOKEN (the employer's), BENCH_IDS
-- (a file of vacancy ids, one a line), BENCH_APPS (a file of the employer's
-- application ids), BENCH_DISTRICT / BENCH_VILLAGE (codes for posted
-- vacancies), BENCH_VALID_UNTIL (YYYY-MM-DD). At the end it
-- prints the WRKSTAT line of wrk-report.lua and a MIXSTAT line with the
-- answers by status class (a repeated application is a 409: it still wrote
-- nothing, so mixed.sh reports the 2xx writes from the database).

local searches = {
	"/lowongan?q=jahit", "/lowongan?q=sopir", "/lowongan?q=bulu+mata", "/lowongan?q=tukang+batu",
	"/lowongan?q=las", "/lowongan?q=admin+gudang", "/lowongan?q=satpam", "/lowongan?q=pramuniaga",
	"/lowongan?q=jahit&kecamatan=33.03.05", "/lowongan?q=las&urut=upah", "/lowongan?q=satpam&page=2",
	"/lowongan?q=kenek&jenis=informal", "/lowongan", "/lowongan?page=3", "/", "/statistik",
}
local dashboards = { "/dinas/statistik", "/dinas/statistik", "/dinas/statistik?kecamatan=33.03.05", "/dinas/laporan" }

local ids, tokens, apps = {}, {}, {}
local cookie = os.getenv("BENCH_COOKIE") or ""
local emp = os.getenv("BENCH_EMP_TOKEN") or ""
local district = os.getenv("BENCH_DISTRICT") or "33.03.05"
local village = os.getenv("BENCH_VILLAGE") or ""
local valid_until = os.getenv("BENCH_VALID_UNTIL") or "2099-01-01"
local threads = {}
local posted = 0

setup = function(thread)
	table.insert(threads, thread)
end

-- The lines of the file an environment variable names, into list.
local function read_lines(variable, list)
	local f = io.open(os.getenv(variable) or "", "r")
	if f then
		for line in f:lines() do
			table.insert(list, line)
		end
		f:close()
	end
end

init = function(args)
	read_lines("BENCH_IDS", ids)
	read_lines("BENCH_APPS", apps)
	for t in string.gmatch(os.getenv("BENCH_TOKENS") or "", "[^,]+") do
		table.insert(tokens, t)
	end
	math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
	s2, s3, s4, s5 = 0, 0, 0, 0
end

local function any(list)
	return list[math.random(#list)]
end

request = function()
	local r = math.random(100)
	if r <= 70 or #ids == 0 then
		return wrk.format("GET", any(searches))
	elseif r <= 85 then
		return wrk.format("GET", "/lowongan/" .. any(ids))
	elseif r <= 95 then
		return wrk.format("GET", any(dashboards), { Cookie = cookie })
	elseif r <= 98 and #tokens > 0 then
		return wrk.format("POST", "/api/v1/vacancies/" .. any(ids) .. "/applications",
		                  { Authorization = "Bearer " .. any(tokens), ["Content-Type"] = "application/json" }, "{}")
	elseif r <= 99 and #apps > 0 then
		return wrk.format("PATCH", "/api/v1/applications/" .. any(apps),
		                  { Authorization = "Bearer " .. emp, ["Content-Type"] = "application/json" },
		                  '{"status":"diseleksi"}')
	else
		posted = posted + 1
		local body = string.format(
			'{"title":"Operator produksi %d","kbji_major":8,"workers_needed":2,"valid_until":"%s",' ..
			'"education_min":"smp","skills":"teliti","wage_min":2200000,"wage_max":2500000,"wage_unit":"bulan",' ..
			'"location":"tempat","district_code":"%s","village_code":"%s","formal":true,"full_time":true,' ..
			'"arrangement":"pkwt","kbli":"C","apply_method":"loker","description":"Pabrik di Purbalingga ' ..
			'membutuhkan operator produksi untuk merapikan dan mengemas barang. Jam kerja 07.00 sampai 15.00, ' ..
			'ada BPJS Ketenagakerjaan dan makan siang."}', posted, valid_until, district, village)
		return wrk.format("POST", "/api/v1/vacancies",
		                  { Authorization = "Bearer " .. emp, ["Content-Type"] = "application/json" }, body)
	end
end

response = function(status, headers, body)
	local c = math.floor(status / 100)
	if c == 2 then s2 = s2 + 1 elseif c == 3 then s3 = s3 + 1 elseif c == 4 then s4 = s4 + 1 else s5 = s5 + 1 end
end

done = function(summary, latency, requests)
	local e = summary.errors
	io.write(string.format(
		"WRKSTAT requests=%d duration_us=%d bytes=%d mean_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
		summary.requests, summary.duration, summary.bytes,
		math.floor(latency.mean + 0.5),
		latency:percentile(50), latency:percentile(90),
		latency:percentile(99), latency.max,
		e.connect, e.read, e.write, e.status, e.timeout))
	local t = { s2 = 0, s3 = 0, s4 = 0, s5 = 0 }
	for _, thread in ipairs(threads) do
		for _, k in ipairs({ "s2", "s3", "s4", "s5" }) do
			t[k] = t[k] + (thread:get(k) or 0)
		end
	end
	io.write(string.format("MIXSTAT 2xx=%d 3xx=%d 4xx=%d 5xx=%d\n", t.s2, t.s3, t.s4, t.s5))
end
