-- wrk script of the JSON-RPC benchmark: every request posts the same JSON-RPC body,
-- taken from the WRK_BODY environment variable so one script serves every method.
-- wrk's own Lua has no JSON; answers are checked once with curl before the runs.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("WRK_BODY")
