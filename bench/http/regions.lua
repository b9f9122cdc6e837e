-- Region lookups spread over real street and community codes (read from the file named by
-- SHEGONG_BENCH_CODES), with a bearer token from SHEGONG_BENCH_TOKEN.
local codes = {}
local token = os.getenv("SHEGONG_BENCH_TOKEN")
for line in io.lines(os.getenv("SHEGONG_BENCH_CODES")) do codes[#codes + 1] = line end
local i = 0
request = function()
  i = i % #codes + 1
  return wrk.format("GET", "/api/v1/regions/" .. codes[i], {["Authorization"] = "Bearer " .. token})
end
