-- wrk script for the Population Registry API: GET PREFIX..LINE for random lines of a file, with a
-- bearer token and a stated purpose, reporting p50/p95/p99.
-- usage: wrk ... -s population.lua URL -- FILE TOKEN PREFIX
--   KIDC lookup: FILE = one KIDC a line,                     PREFIX = /api/population/persons/
--   name search: FILE = one url-encoded query string a line, PREFIX = /api/population/persons?
local items = {}
local token
local prefix

function init(args)
  for line in io.lines(args[1]) do items[#items + 1] = line end
  token = args[2]
  prefix = args[3]
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  return wrk.format("GET", prefix .. items[math.random(#items)],
    { ["Authorization"] = "Bearer " .. token, ["X-Purpose"] = "Benchmark" })
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
