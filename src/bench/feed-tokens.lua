-- wrk script: GET /feed with a token drawn at random per request from the file named by TOKENS
-- (one access token per line), e.g.  TOKENS=target/bench/tokens.txt wrk -t2 -c16 -d30s -s src/bench/feed-tokens.lua URL/feed
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do
  tokens[#tokens + 1] = line
end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", nil, {["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]})
end
response = function(status)
  if status ~= 200 then
    error("status " .. status)
  end
end
