-- GET /api/v1/orders/{id} over ids 1..SHEGONG_BENCH_MAX_ID as an admin (SHEGONG_BENCH_TOKEN).
local token = os.getenv("SHEGONG_BENCH_TOKEN")
local max_id = tonumber(os.getenv("SHEGONG_BENCH_MAX_ID"))
local i = 0
request = function()
  i = i % max_id + 1
  return wrk.format("GET", "/api/v1/orders/" .. i, {["Authorization"] = "Bearer " .. token})
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d\n", summary.errors.status))
end
