-- wrk script of the bench runner: `depth` pipelined requests per write, an optional JSON
-- body, and the summary as one JSON line. Arguments: depth method [json-body]
init = function(args)
  wrk.method = args[2]
  if args[3] ~= nil and #args[3] > 0 then
    wrk.body = args[3]
    wrk.headers["Content-Type"] = "application/json"
  end
  local batch = {}
  for i = 1, tonumber(args[1]) do batch[i] = wrk.format() end
  pipelined = table.concat(batch)
end

request = function()
  return pipelined
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"socketErrors":%d,"timeouts":%d,"statusErrors":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write, e.timeout, e.status))
end
