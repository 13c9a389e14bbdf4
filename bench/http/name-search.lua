-- wrk script for the person name search (issue 16): GET /api/population/persons?LINE for random
-- lines of a query file (one URL-encoded query string a line, written by bench/name-search-load.sh
-- from the evaluation's query classes), with a bearer token and a stated purpose. Reports
-- p50/p95/p99 and req/s as population.lua does, plus the answers that were not 200 and the 200s
-- that found nobody (an empty page).
-- usage: wrk ... -s name-search.lua URL -- FILE TOKEN
local threads = {}

function setup(thread)
  thread:set("thread_no", #threads + 1)
  table.insert(threads, thread)
end

local items = {}
local token
not_ok = 0
empty = 0

function init(args)
  for line in io.lines(args[1]) do items[#items + 1] = line end
  token = args[2]
  math.randomseed(os.time() * 100 + (thread_no or 0) + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  return wrk.format("GET", "/api/population/persons?" .. items[math.random(#items)],
    { ["Authorization"] = "Bearer " .. token, ["X-Purpose"] = "Benchmark" })
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  elseif body:find('"items":[]', 1, true) then
    empty = empty + 1
  end
end

function done(summary, latency, requests)
  local bad, none = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("not_ok")
    none = none + t:get("empty")
  end
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d not_200=%d found_nobody=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout, bad, none))
end
