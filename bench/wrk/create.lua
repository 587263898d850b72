dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"date":"2025-06-01","business":"Bench","category":"Bench","amount":12.34,"account":"Cash","notes":"bench"}'
