-- The checks of the Neovim tests (e2e.lua, config.lua) and how they report
-- to nvim_test.go: the file named by RSCLS_E2E_RESULT gets one line per
-- check, "ok|FAIL|info <TAB> name <TAB> detail", and a last line
-- "done <TAB> milliseconds" once the script has finished. Neovim exits with
-- status 0 when every check passed and 1 otherwise.
local H = {}

H.TIMEOUT = tonumber(os.getenv('RSCLS_E2E_TIMEOUT') or '') or 15000

local result = os.getenv('RSCLS_E2E_RESULT')
local out = assert(io.open(assert(result, 'RSCLS_E2E_RESULT is not set'), 'w'))
local failed = false
local started = vim.loop.hrtime()

function H.record(status, name, detail)
  detail = tostring(detail or ''):gsub('\n', '\\n'):gsub('\t', ' ')
  out:write(status, '\t', name, '\t', detail, '\n')
  out:flush()
end

local Stop = {}

-- fail raises an error whose message is the formatted text alone, without
-- a traceback.
function H.fail(fmt, ...)
  error({ msg = string.format(fmt, ...) }, 0)
end

local function handler(e)
  if type(e) == 'table' then
    return e
  end
  return debug.traceback(tostring(e), 2)
end

-- check runs fn as the check called name. fn returns an optional detail
-- for the log, or raises an error that says what was wrong. When a
-- required check fails, the script stops: later checks depend on it.
function H.check(name, fn, required)
  local ok, err = xpcall(fn, handler)
  if ok then
    H.record('ok', name, err)
    return true
  end
  failed = true
  H.record('FAIL', name, type(err) == 'table' and err.msg or err)
  if required then
    error(Stop)
  end
  return false
end

-- wait waits for cond to return a true value and returns that value; on
-- timeout it fails with what (or what()) as the explanation.
function H.wait(what, cond)
  local value
  local ok = vim.wait(H.TIMEOUT, function()
    value = cond()
    return value ~= nil and value ~= false
  end, 20)
  if not ok then
    H.fail('timed out after %d ms waiting for %s', H.TIMEOUT, type(what) == 'function' and what() or what)
  end
  return value
end

function H.expect(what, got, want)
  if not vim.deep_equal(got, want) then
    H.fail('%s: got %s, want %s', what, vim.inspect(got), vim.inspect(want))
  end
end

function H.contains(what, text, part)
  if type(text) ~= 'string' or not text:find(part, 1, true) then
    H.fail('%s: %s does not contain %q', what, vim.inspect(text), part)
  end
end

-- run runs main, records how it ended and quits Neovim.
function H.run(main)
  H.record('info', 'nvim', vim.fn.execute('version'):match('NVIM v[^\n]+'))
  local ok, err = xpcall(main, handler)
  if not ok and err ~= Stop then
    failed = true
    H.record('FAIL', 'script', type(err) == 'table' and err.msg or err)
  end
  H.record('done', tostring(math.floor((vim.loop.hrtime() - started) / 1e6)), '')
  out:close()
  if failed then
    vim.cmd('cquit')
  else
    vim.cmd('qall!')
  end
end

return H
