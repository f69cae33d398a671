-- wrk script for bench/run.py. Settings come from the environment:
--   BENCH_COOKIE     Cookie header (session and CSRF cookies) for signed-in scenarios
--   BENCH_ORIGIN     Origin header for posts (Django's CSRF check compares it with the host)
--   BENCH_POST_BODY  form body without its submission key: when set, every request is a POST
--                    with a fresh submission_key UUID, as the real form sends
-- Every request carries X-Forwarded-Proto: https, as the HTTPS proxy in front of gunicorn would.
-- done() prints one line, "BENCH_JSON {...}", with the counts and latency percentiles.

local cookie = os.getenv("BENCH_COOKIE")
local origin = os.getenv("BENCH_ORIGIN")
local post_body = os.getenv("BENCH_POST_BODY")
local thread_count = 0

wrk.headers["X-Forwarded-Proto"] = "https"
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_number", thread_count)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
end

local function uuid4()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

if post_body and post_body ~= "" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  if origin then
    wrk.headers["Origin"] = origin
    wrk.headers["Referer"] = origin .. (wrk.path or "/")
  end
  function request()
    return wrk.format(nil, nil, nil, post_body .. "&submission_key=" .. uuid4())
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "errors": {"connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d}, "latency_us": {"mean": %.1f, "p50": %d, "p90": %d, ' ..
    '"p95": %d, "p99": %d, "max": %d}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max))
end
