-- wrk script for the verification API (issue 4): POST /api/verification/v1/verify with the JSON
-- bodies of a file, one a line (written by bench/verification-load.sh from real vrf_persons rows:
-- full matching claims, a tenth with a wrong given name). Each wrk thread walks the file from its
-- own offset, so every connection sends a different person.
-- usage: wrk ... -s verify.lua URL -- BODIES_FILE TOKEN
local bodies = {}
local token
local next_index = 1
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  token = args[2]
  -- wrk.headers holds Host and any -H header (the script sets X-Road-UserId per run that way)
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
  -- id is set by setup(); spread the threads over the file
  next_index = ((id or 1) - 1) * math.floor(#bodies / 2) + 1
end

function request()
  local body = bodies[next_index]
  next_index = next_index + 1
  if next_index > #bodies then next_index = 1 end
  return wrk.format("POST", "/api/verification/v1/verify", nil, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d answered2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    non2xx, socket, summary.requests - non2xx))
end
