-- wrk script: public legal search with a mix of Khmer words, Khmer phrases (typed with and
-- without a space), English words and phrases, date and language filters, and misses.
local queries = {}
local function add(q) queries[#queries + 1] = q end
local khmer = { "ច្បាប់", "ព្រឹទ្ធសភា", "រដ្ឋាភិបាល", "ក្រសួង", "សិទ្ធិ", "ពលរដ្ឋ", "កាតព្វកិច្ច", "អាជ្ញាធរ", "ការបោះឆ្នោត", "ពន្ធ",
  "បរិស្ថាន", "ការអប់រំ", "សុខាភិបាល", "កសិកម្ម", "ពាណិជ្ជកម្ម", "តុលាការ", "ទោសទណ្ឌ", "ហិរញ្ញវត្ថុ" }
local english = { "law", "ministry", "government", "rights", "citizens", "tax", "environment", "education", "court", "penalty",
  "\"shall be\"", "\"royal government\"", "elections", "agriculture", "commerce", "finance", "obligations", "authority" }
local function enc(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for i, k in ipairs(khmer) do
  add("q=" .. enc(k))
  add("q=" .. enc(k .. khmer[(i % #khmer) + 1]))
  add("q=" .. enc(k) .. "&lang=khm&date=2010-01-01")
end
for i, e in ipairs(english) do
  add("q=" .. enc(e))
  add("q=" .. enc(e .. " " .. english[(i % #english) + 1]) .. "&lang=eng")
end
add("q=" .. enc("មាត្រា ១២"))
add("q=zzqxv")
add("q=" .. enc("ស្ថានីយ៍អវកាស"))
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/public/legislation/search?" .. queries[(n % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
