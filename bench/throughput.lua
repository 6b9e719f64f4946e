-- wrk's script for bench/throughput.py: `wrk -s bench/throughput.lua URL -- TARGETS`.
-- TARGETS is a file of "path<TAB>Cookie header" lines, one per tenant (each tenant's own
-- invoice and errand ids); requests go round them. Every answer but 200 is counted as
-- not ok (a redirect to the login page would otherwise look like a fast page). done()
-- prints one JSON line.

local targets = {}
local next_target = 0
not_ok = 0

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    local target_path, cookie = line:match("^([^\t]+)\t(.*)$")
    table.insert(targets, wrk.format("GET", target_path, {
      ["Cookie"] = cookie,
      -- The benchmark is the TLS-terminating proxy: the portal runs with production's secure cookies.
      ["X-Forwarded-Proto"] = "https",
    }))
  end
end

function request()
  next_target = next_target % #targets + 1
  return targets[next_target]
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local total_not_ok = 0
  for _, thread in ipairs(threads) do
    total_not_ok = total_not_ok + thread:get("not_ok")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, "not_ok": %d, "errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    total_not_ok, errors))
end
