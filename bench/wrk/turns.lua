-- wrk load for the webhook: run with as many threads as connections (-t N -c N), so each thread — one Lua state,
-- one connection — is one conversation whose turns go one after another, as ElevenLabs sends them.
--   wrk -t 64 -c 64 -d 15s -s bench/wrk/turns.lua http://127.0.0.1:PORT/webhooks/elevenlabs/transcription -- PREFIX
-- Conversation ids are PREFIX-1 .. PREFIX-N. Prints one line "WRK_RESULT {json}" for the bench to read.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("conversation", #threads)
end

function init(args)
  prefix = args[1] or "wrk"
  turn = 0
  acknowledged = 0
  rejected = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  turn = turn + 1
  local speaker = (turn % 2 == 1) and "agent" or "user"
  local body = string.format(
    '{"conversation_id":"%s-%d","speaker":"%s","message":"Turn %d: can you confirm the inspection date for the trailer on this violation?","timestamp":"%s"}',
    prefix, conversation, speaker, turn, os.date("!%Y-%m-%dT%H:%M:%SZ"))
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
  local acknowledged_total, rejected_total = 0, 0
  for _, thread in ipairs(threads) do
    acknowledged_total = acknowledged_total + thread:get("acknowledged")
    rejected_total = rejected_total + thread:get("rejected")
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration_us":%d,"acknowledged":%d,"non_2xx":%d,"socket_errors":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, acknowledged_total, rejected_total,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
