-- wrk script: GET /api/population/persons?q=NAME&birthDate=YEAR for random (name, year) pairs.
-- usage: wrk ... -s kidc.lua URL -- QUERY_FILE TOKEN (lines: url-encoded query string)
local items = {}
local token

function init(args)
  for line in io.lines(args[1]) do items[#items + 1] = line end
  token = args[2]
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  local k = items[math.random(#items)]
  return wrk.format("GET", "/api/population/persons?" .. k,
    { ["Authorization"] = "Bearer " .. token, ["X-Purpose"] = "Benchmark" })
end

local non200 = 0
function response(status)
  if status ~= 200 then non200 = non200 + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
