-- wrk load for the webhook. Run it with one thread per connection (-t N -c N): wrk gives each thread its own Lua
-- state but tells request() nothing about the connection, so a thread with one connection is one caller, whose state
-- is this script's globals. A caller sends calls of TURNS turns, one turn after another on its connection; the request
-- after a call's last turn starts the next call (a new conversation id).
--   wrk -t 200 -c 200 -d 15s -s turns.lua URL -- PREFIX realistic 20 CALLS 5 3   # 0.5-1.5 s between turns (delay())
--   wrk -t 64 -c 64 -d 15s -s turns.lua URL -- PREFIX capacity 20 CALLS 15 1     # closed loop: no pause
-- Conversation ids are PREFIX-CALLER-CALL. The callers' calls go on from one run to the next through the CALLS file
-- (written when a run ends, read when the next starts), so that a run part-way through a server's load sees calls at
-- every stage rather than all of them starting at once; the first run staggers them, each caller's first call
-- starting at a random turn.
-- Latency is timed here, from just before a request is written to its complete answer, and reported per window of
-- WINDOW seconds (the last two arguments: its length and how many), so that one run shows how a server's speed
-- changes without cutting requests off at each window's end. wrk's own percentiles are not used: they "correct" a
-- closed loop for requests it would have sent, and a caller sends its next turn only after the answer.
-- Prints one line "WRK_RESULT {json}" for the bench to read, with the requests still unanswered when the run stopped.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } turns_timespec;
int clock_gettime(int clock, turns_timespec *now);
]]
local clock = ffi.new("turns_timespec")

local function now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("caller", #threads)
end

local function resume(file, caller)
  local state = io.open(file, "r")
  if not state then
    return nil
  end
  for line in state:lines() do
    local who, call_number, turn_number = line:match("^(%d+) (%d+) (%d+)$")
    if tonumber(who) == caller then
      state:close()
      return tonumber(call_number), tonumber(turn_number)
    end
  end
  state:close()
  return nil
end

function init(args)
  prefix = args[1] or "wrk"
  turns_per_call = tonumber(args[3] or "20")
  calls_file = args[4]
  window_us = tonumber(args[5] or "0") * 1000000
  windows = tonumber(args[6] or "1")
  -- Seeded per caller, or every thread would draw the same numbers and the callers would move in step.
  math.randomseed(os.time() * 1000 + caller)
  if calls_file then
    call, turn = resume(calls_file, caller)
  end
  if not call then
    call, turn = 1, math.random(0, turns_per_call - 1)
  end
  started_us = now_us()
  sent, recorded, pending_count = 0, "", 0
  for window = 1, windows do
    _G["acknowledged_" .. window], _G["rejected_" .. window] = 0, 0
  end
  if caller == 1 then
    -- wrk calls the first thread's request() once before the run, to check the request's shape: that one is not sent
    -- (and this caller skips a turn; harmless, the service numbers the turns it stores).
    sent = -1
  end
  if args[2] == "realistic" then
    -- wrk waits this many milliseconds before each request, the first included.
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
  sent_at = now_us()
  return wrk.format(nil, nil, nil, body)
end

-- wrk's thread:get copies numbers and strings but not tables, so the samples wait in numbered globals and are
-- appended to a string in batches; each is window * 1e9 + latency in µs.
function response(status, headers, body)
  local answered = now_us()
  local window = 1
  if window_us > 0 then
    window = math.min(windows, math.floor((answered - started_us) / window_us) + 1)
  end
  if status == 201 then
    _G["acknowledged_" .. window] = _G["acknowledged_" .. window] + 1
  else
    _G["rejected_" .. window] = _G["rejected_" .. window] + 1
  end
  pending_count = pending_count + 1
  _G["pending_" .. pending_count] = window * 1e9 + math.floor(answered - sent_at)
  if pending_count == 64 then
    local batch = {}
    for i = 1, pending_count do
      batch[i] = string.format("%.0f", _G["pending_" .. i])
    end
    recorded = recorded .. table.concat(batch, " ") .. " "
    pending_count = 0
  end
end

-- Nearest rank, as the bench computes it.
local function percentile(sorted, p)
  if #sorted == 0 then
    return -1
  end
  return sorted[math.max(1, math.min(#sorted, math.ceil(p / 100 * #sorted)))]
end

function done(summary, latency, requests)
  local count = threads[1]:get("windows")
  local samples, acknowledged, rejected = {}, {}, {}
  for window = 1, count do
    samples[window], acknowledged[window], rejected[window] = {}, 0, 0
  end
  local function add(sample)
    local window = math.floor(sample / 1e9)
    local list = samples[window]
    list[#list + 1] = sample - window * 1e9
  end
  local sent_total = 0
  local file = threads[1]:get("calls_file")
  local calls = file and io.open(file, "w")
  for _, thread in ipairs(threads) do
    for sample in thread:get("recorded"):gmatch("%d+") do
      add(tonumber(sample))
    end
    for i = 1, thread:get("pending_count") do
      add(thread:get("pending_" .. i))
    end
    for window = 1, count do
      acknowledged[window] = acknowledged[window] + thread:get("acknowledged_" .. window)
      rejected[window] = rejected[window] + thread:get("rejected_" .. window)
    end
    sent_total = sent_total + thread:get("sent")
    if calls then
      calls:write(string.format("%d %d %d\n", thread:get("caller"), thread:get("call"), thread:get("turn")))
    end
  end
  if calls then
    calls:close()
  end
  local parts, answered_total = {}, 0
  for window = 1, count do
    local sorted = samples[window]
    table.sort(sorted)
    answered_total = answered_total + #sorted
    parts[window] = string.format(
      '{"requests":%d,"acknowledged":%d,"non_2xx":%d,"p50_us":%.0f,"p95_us":%.0f,"p99_us":%.0f,"max_us":%.0f}',
      #sorted, acknowledged[window], rejected[window],
      percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100))
  end
  local errors = summary.errors
  io.write(string.format('WRK_RESULT {"duration_us":%d,"unanswered":%d,"socket_errors":%d,"windows":[%s]}\n',
    summary.duration, sent_total - answered_total, errors.connect + errors.read + errors.write + errors.timeout,
    table.concat(parts, ",")))
end
