-- DELETE of distinct existing ids: thread n deletes upwards from 30001 + n * 35000
-- (+ BENCH_DELETE_SHIFT, so that a later run deletes rows an earlier one left).
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local created = 0
local shift = tonumber(os.getenv("BENCH_DELETE_SHIFT") or "0")
setup = function(thread)
  thread:set("base", 30001 + shift + created * 35000)
  created = created + 1
end
local counter = 0
request = function()
  local id = base + counter
  counter = counter + 1
  return wrk.format("DELETE", "/api/v1/expense/" .. id)
end
