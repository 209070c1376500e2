-- search-queries.lua - used by bench/search.sh: each wrk connection walks
-- through realistic vacancy searches of Purbalingga job seekers (plain
-- words, then a few with filters, sorting and a second page), so the run
-- measures a mix rather than one cached answer. When a run ends it prints
-- the same machine-readable WRKSTAT line as wrk-report.lua (latencies in
-- microseconds; "status" counts responses with a status of 400 or more).
--
-- BENCH_STATIC_PATH, if set, replaces the whole list with that one path: the
-- nginx run uses it so that both servers are driven by the same Lua code and
-- the client costs the same CPU in both runs.
--
-- search.sh reads the list below (one quoted path per line) to warm the
-- server up with one request per query; keep that layout.

local paths = {
	"/lowongan?q=jahit",
	"/lowongan?q=sopir",
	"/lowongan?q=bulu+mata",
	"/lowongan?q=tukang+batu",
	"/lowongan?q=las",
	"/lowongan?q=admin+gudang",
	"/lowongan?q=satpam",
	"/lowongan?q=pramuniaga",
	"/lowongan?q=magang",
	"/lowongan?q=kenek",
	"/lowongan?q=jahit&kecamatan=33.03.05",
	"/lowongan?q=tukang+batu&jenis=informal",
	"/lowongan?q=las&urut=upah",
	"/lowongan?q=satpam&page=2",
	"/lowongan?q=sopir&kecamatan=33.03.05&urut=upah",
	"/lowongan?q=bulu+mata&jenis=informal&page=2",
	"/lowongan?q=jahit&page=2",
	"/lowongan?q=kenek&jenis=informal",
}

-- BENCH_LONG_TAIL=1 sends, instead of the rotation, a long tail of distinct
-- searches: one of 24 words with a kecamatan (or none), a sort, "posted
-- within" days and a page, drawn at random: 24 x 19 x 4 x 6 x 3 = 32,832
-- addresses, so most of them are asked once in a run and kept answers help
-- little. search.sh reports the hit rate it saw in /metrics.
local tail_words = {
	"jahit", "sopir", "bulu+mata", "tukang+batu", "las", "admin+gudang", "satpam", "pramuniaga",
	"magang", "kenek", "kurir", "kasir", "guru", "perawat", "operator", "montir", "buruh+tani",
	"rambut+palsu", "koki", "cleaning+service", "gudang", "penjahit", "packing", "pelayan",
}
local tail_sorts = { "relevan", "terbaru", "upah", "tutup" }
local tail_days = { "", "&hari=1", "&hari=3", "&hari=7", "&hari=14", "&hari=30" }
local long_tail = os.getenv("BENCH_LONG_TAIL") == "1"

local static = os.getenv("BENCH_STATIC_PATH")
if static ~= nil and static ~= "" then
	paths = { static }
end

-- The requests are formatted once per thread; request() only picks the next.
local reqs = {}
local n = 0
local i = 0
local threads = 0

-- Runs in wrk's main Lua state, once per thread before it starts.
setup = function(thread)
	thread:set("id", threads)
	threads = threads + 1
end

init = function(args)
	for k, p in ipairs(paths) do
		reqs[k] = wrk.format("GET", p)
	end
	n = #reqs
	-- Threads start at different places in the list, so two threads do not
	-- send the same query at the same moment.
	i = ((id or 0) * 7) % n
	math.randomseed(1000 + (id or 0))
end

request = function()
	if long_tail then
		local k = math.random(0, 18)
		local place = k == 0 and "" or string.format("&kecamatan=33.03.%02d", k)
		return wrk.format("GET", "/lowongan?q=" .. tail_words[math.random(#tail_words)] .. place ..
			"&urut=" .. tail_sorts[math.random(#tail_sorts)] .. tail_days[math.random(#tail_days)] ..
			"&page=" .. math.random(1, 3))
	end
	i = i % n + 1
	return reqs[i]
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
end
