-- wrk script: POST purchases (or quotes) with unique externalIds, random seeded members (by
-- phone), 2-6 items, 30% redeeming a few points, and 2% exact retries of an earlier request.
-- Environment: KOPILKA_KEY, MEMBERS, ENDPOINT (/api/v1/purchases or /api/v1/purchases/quote), RUN.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  key = os.getenv("KOPILKA_KEY")
  members = tonumber(os.getenv("MEMBERS"))
  endpoint = os.getenv("ENDPOINT")
  run = os.getenv("RUN") or "r"
  seq = 0
  last = nil
  math.randomseed(id * 7919 + os.time())
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. key
  skus = { {"HAIRCUT", "service", 5000}, {"BEARD", "service", 3000}, {"SHAMPOO-1", "shampoo", 1500},
           {"OIL-2", "beard-care", 4500}, {"WAX-3", "styling", 2500}, {"COFFEE", "bar", 900} }
end

local function body()
  seq = seq + 1
  local member = math.random(1, members)
  local phone = string.format("+7701%07d", member)
  local n = math.random(2, 6)
  local items = {}
  for i = 1, n do
    local s = skus[i]
    items[i] = string.format('{"sku":"%s","category":"%s","quantity":%d,"unitPrice":"%d.00"}',
      s[1], s[2], math.random(1, 2), s[3])
  end
  local redeem = 0
  if math.random() < 0.30 then redeem = math.random(1, 100) end
  return string.format('{"externalId":"%s-%d-%d","storeCode":"main","channel":"pos","member":{"phone":"%s"},"items":[%s],"redeemPoints":%d}',
    run, id, seq, phone, table.concat(items, ","), redeem)
end

function request()
  local b
  if last ~= nil and math.random() < 0.02 then
    b = last
  else
    b = body()
    last = b
  end
  return wrk.format("POST", endpoint, nil, b)
end

function done(summary, latency, requests)
  local f = io.open(os.getenv("WRK_OUT"), "w")
  f:write(string.format("requests=%d\nduration_us=%d\nerrors_status=%d\nerrors_connect=%d\nerrors_read=%d\nerrors_write=%d\nerrors_timeout=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
  f:write(string.format("p50_us=%d\np99_us=%d\np999_us=%d\nmax_us=%d\n",
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
  f:close()
end
