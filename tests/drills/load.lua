-- wrk script for tests/drills/load.py: 9 reads (org tree, dashboard, people list) to 1 write
-- (POST /api/v1/people of a new 编外 person with a unique, valid GB 11643 ID number).
-- Arguments after `--`: session cookie, CSRF token, the unit id new people join, and the run's
-- number (1, 2) so that two runs on one database never propose the same ID number.
local reads = { "/api/v1/units", "/api/v1/dashboard", "/api/v1/people?pageSize=20" }
local weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local checks = "10X98765432"
local given = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" }   -- names are Chinese only
local threads = {}
local counter = 0

function setup(thread)
    table.insert(threads, thread)
    thread:set("tid", #threads)
end

function init(args)
    wrk.headers["Cookie"] = args[1]
    csrf = args[2]
    unit_id = tonumber(args[3])
    run = tonumber(args[4])
end

local function resident_id(n)
    local birth = os.date("!%Y%m%d", 157766400 + (n % 10000) * 86400)   -- from 1975-01-01
    local body = string.format("530111%s%03d", birth, math.floor(n / 10000) % 1000)
    local sum = 0
    for i = 1, 17 do sum = sum + tonumber(body:sub(i, i)) * weights[i] end
    local k = sum % 11 + 1
    return body .. checks:sub(k, k)
end

function request()
    counter = counter + 1
    if counter % 10 == 0 then
        local n = ((run - 1) * 4 + tid) * 1000000 + counter   -- < 10,000,000: distinct ID numbers
        local person = string.format(
            '{"name":"压测%s","idNumber":"%s","phone":"136%08d","unitId":%d,"establishment":"编外","status":"在岗"}',
            given[n % 10 + 1], resident_id(n), n % 100000000, unit_id)
        return wrk.format("POST", "/api/v1/people",
            -- Headers given here replace wrk.headers, so the cookie goes again.
            { ["Cookie"] = wrk.headers["Cookie"], ["Content-Type"] = "application/json", ["X-CSRF-Token"] = csrf }, person)
    end
    return wrk.format("GET", reads[counter % 3 + 1])
end
