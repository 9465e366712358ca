-- wrk script of every scenario: GET the request paths listed in a file (one a line, argument 1), in turn; each wrk
-- thread starts at its own offset. A line may carry an ETag after a tab, sent as If-None-Match (the revalidation).
-- done() prints one machine-readable line that bench/run.sh parses (wrk's own --latency table has no p95).
local paths = {}
local etags = {}
local i = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      local path, etag = line:match("^([^\t]*)\t(.+)$")
      paths[#paths + 1] = path or line
      etags[#paths] = etag
    end
  end
  if #paths == 0 then
    error("no request paths in " .. args[1])
  end
  i = (offset or 0) * math.floor(#paths / 16 + 1) % #paths
end

function request()
  i = i % #paths + 1
  if etags[i] then
    return wrk.format("GET", paths[i], { ["If-None-Match"] = etags[i] })
  end
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
