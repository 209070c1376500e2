-- wrk-report.lua - used by bench/pages.sh: print one machine-readable line
-- when a wrk run ends, so the script does not have to parse wrk's human
-- output (whose units change between us, ms and s). Latencies are in
-- microseconds; "status" counts responses with a status of 400 or more.
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
