-- PATCH (the v1 single-field update) on ids 1..20000, which no delete scenario touches.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local counter = 0
request = function()
  counter = counter + 1
  local id = (counter * 7927) % 20000 + 1
  local body = string.format('{"field":"notes","value":"bench patch %d"}', counter % 5000)
  return wrk.format("PATCH", "/api/v1/expense/" .. id, { ["Content-Type"] = "application/json" }, body)
end
