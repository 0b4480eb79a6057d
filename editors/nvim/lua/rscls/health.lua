-- :checkhealth rscls
local M = {}

local function reporter()
  local h = vim.health
  if h == nil or (h.start == nil and h.report_start == nil) then
    h = require('health') -- Neovim 0.7
  end
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    info = h.info or h.report_info,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
  }
end

function M.check()
  local r = reporter()
  r.start('rscls')
  local ok, config, file = pcall(require('rscls').defaults)
  if not ok then
    r.error(tostring(config))
    return
  end
  r.ok('defaults: ' .. file)
  if vim.lsp.config then
    -- Neovim 0.11+: the configuration with vim.lsp.config's changes.
    local resolved_ok, resolved = pcall(function()
      return vim.lsp.config.rscls
    end)
    if resolved_ok and resolved then
      config = resolved
    end
  end
  local cmd = type(config.cmd) == 'table' and config.cmd[1] or nil
  if cmd == nil then
    r.info('cmd is not a list; not checked')
  else
    local exe = vim.fn.exepath(cmd)
    if exe == '' then
      r.error(cmd .. ' is not executable', {
        'Build it with `go build -o rscls ./cmd/lsp/rscls` and put it on PATH',
        'or set RSCLS_PATH, or cmd in vim.lsp.config / setup{}',
      })
    else
      local out = vim.fn.system({ exe, 'version' })
      if vim.v.shell_error == 0 then
        r.ok(exe .. ': ' .. vim.trim(out))
      else
        r.warn(exe .. ' version failed: ' .. vim.trim(out))
      end
    end
  end
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  local n = 0
  for _, client in pairs(all) do
    if client.name == 'rscls' then
      n = n + 1
      r.info(string.format('client %d: root %s', client.id, tostring(client.config.root_dir)))
    end
  end
  if n == 0 then
    r.info('no rscls client is running; open a JavaScript or TypeScript file of a Next.js project')
  end
end

return M
