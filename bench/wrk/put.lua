-- PUT on ids 1..20000, which no delete scenario touches.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local counter = 0
request = function()
  counter = counter + 1
  local id = (counter * 7919) % 20000 + 1
  local body = string.format('{"amount":%d.%02d,"notes":"bench put"}', counter % 5000, counter % 100)
  return wrk.format("PUT", "/api/v1/expense/" .. id, { ["Content-Type"] = "application/json" }, body)
end
