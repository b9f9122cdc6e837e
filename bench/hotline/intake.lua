-- POST /api/v1/orders with varied demands over real community codes (SHEGONG_BENCH_CODES) and a
-- fresh phone number per request, as a dispatcher (SHEGONG_BENCH_TOKEN). Every 201 is durable.
local token = os.getenv("SHEGONG_BENCH_TOKEN")
local codes = {}
for line in io.lines(os.getenv("SHEGONG_BENCH_CODES")) do codes[#codes + 1] = line end
local subjects = {"夜间施工噪音扰民", "小区电梯频繁故障", "路灯不亮", "暖气不热", "占道停车", "拖欠工资"}
local types = {"投诉", "求助", "咨询", "建议", "举报"}
local n = 0
local thread_id = 0
setup = function(thread) thread_id = thread_id + 1; thread:set("tid", thread_id) end
init = function() n = 0 end
request = function()
  n = n + 1
  local phone = string.format("13%d%08d", tid or 0, n % 100000000)
  local body = string.format(
    '{"channel":"phone","type":"%s","subject":"%s","content":"居民反映%s，已持续多日，请尽快处理。编号%d",' ..
    '"contact":{"name":"王秀英","phone":"%s"},"region_code":"%s","urgency":"general"}',
    types[n % #types + 1], subjects[n % #subjects + 1], subjects[n % #subjects + 1], n, phone,
    codes[n % #codes + 1])
  return wrk.format("POST", "/api/v1/orders",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
local statuses = {}
response = function(status) statuses[status] = (statuses[status] or 0) + 1 end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d\n", summary.errors.status))
end
