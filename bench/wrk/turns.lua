-- wrk load for the webhook. Run it with one thread per connection (-t N -c N): wrk gives each thread its own Lua
-- state but tells request() nothing about the connection, so a thread with one connection is one caller, whose state
-- is this script's globals. A caller sends calls of TURNS turns, one turn after another on its connection; the request
-- after a call's last turn starts the next call (a new conversation id).
--   wrk -t 200 -c 200 -d 15s -s bench/wrk/turns.lua URL -- PREFIX realistic 20   # 0.5-1.5 s between turns (delay())
--   wrk -t 64 -c 64 -d 15s -s bench/wrk/turns.lua URL -- PREFIX capacity 20      # closed loop: no pause
-- Conversation ids are PREFIX-CALLER-CALL. Prints one line "WRK_RESULT {json}" for the bench to read, with the
-- requests still unanswered when the run stopped (their latency is not in wrk's percentiles).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("caller", #threads)
end

function init(args)
  prefix = args[1] or "wrk"
  turns_per_call = tonumber(args[3] or "20")
  call, turn = 1, 0
  sent, acknowledged, rejected = 0, 0, 0
  if caller == 1 then
    -- wrk calls the first thread's request() once before the run, to check the request's shape: that one is not sent
    -- (and this caller's first call sends turns 2..20; harmless, the service numbers the turns it stores).
    sent = -1
  end
  if args[2] == "realistic" then
    -- Seeded per caller, or every thread would draw the same pauses and the callers would move in step.
    math.randomseed(os.time() * 1000 + caller)
    -- wrk waits this many milliseconds before each request (the first included) and starts the latency clock after.
    function delay()
      return math.random(500, 1500)
    end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  if turn == turns_per_call then
    call, turn = call + 1, 0
  end
  turn = turn + 1
  sent = sent + 1
  local speaker = (turn % 2 == 1) and "agent" or "user"
  local body = string.format(
    '{"conversation_id":"%s-%d-%d","speaker":"%s","message":"Turn %d: can you confirm the inspection date for the trailer on this violation?","timestamp":"%s"}',
    prefix, caller, call, speaker, turn, os.date("!%Y-%m-%dT%H:%M:%SZ"))
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 then
    acknowledged = acknowledged + 1
  else
    rejected = rejected + 1
  end
end

function done(summary, latency, requests)
  local sent_total, acknowledged_total, rejected_total = 0, 0, 0
  for _, thread in ipairs(threads) do
    sent_total = sent_total + thread:get("sent")
    acknowledged_total = acknowledged_total + thread:get("acknowledged")
    rejected_total = rejected_total + thread:get("rejected")
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration_us":%d,"acknowledged":%d,"non_2xx":%d,"unanswered":%d,"socket_errors":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, acknowledged_total, rejected_total, sent_total - acknowledged_total - rejected_total,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
