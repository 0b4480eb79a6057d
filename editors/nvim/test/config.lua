-- Checks of editors/nvim as Lua, without starting the server for files:
-- lsp/rscls.lua loads and has the expected fields, root detection picks the
-- expected directories, and :checkhealth rscls finds the binary. Run by
-- nvim_test.go:
--
--   nvim --headless --clean -u NONE -c 'luafile test/config.lua'
--
-- Environment: RSCLS_NVIM_DIR, RSCLS_PATH, RSCLS_E2E_APP,
-- RSCLS_E2E_MONOREPO and RSCLS_E2E_RESULT, as for e2e.lua.

local dir = os.getenv('RSCLS_NVIM_DIR')
local bin = os.getenv('RSCLS_PATH')
local app = os.getenv('RSCLS_E2E_APP')
local mono = os.getenv('RSCLS_E2E_MONOREPO')
local H = dofile(dir .. '/test/harness.lua')
local check, fail, expect, contains = H.check, H.fail, H.expect, H.contains

local file = dir .. '/lsp/rscls.lua'

local GROUPS = {
  { 'pnpm-workspace.yaml', 'pnpm-lock.yaml', 'package-lock.json', 'yarn.lock', 'bun.lock', 'bun.lockb' },
  { 'next.config.js', 'next.config.mjs', 'next.config.ts', 'rscls.json' },
  { 'package.json' },
  { '.git' },
}

local function flatten(groups)
  local flat = {}
  for _, g in ipairs(groups) do
    vim.list_extend(flat, g)
  end
  return flat
end

-- load evaluates lsp/rscls.lua with RSCLS_PATH set to path (nil: unset).
local function load(path)
  local saved = vim.env.RSCLS_PATH
  vim.env.RSCLS_PATH = path
  local ok, config = pcall(dofile, file)
  vim.env.RSCLS_PATH = saved
  if not ok then
    fail('%s does not load: %s', file, tostring(config))
  end
  return config
end

local function main()
  vim.opt.runtimepath:prepend(dir)

  check('lsp/rscls.lua fields', function()
    local c = load(nil)
    if type(c) ~= 'table' then
      fail('%s returns %s, not a table', file, type(c))
    end
    local keys = vim.tbl_keys(c)
    table.sort(keys)
    expect('keys', keys, { 'cmd', 'filetypes', 'init_options', 'root_markers', 'settings' })
    expect('cmd', c.cmd, { 'rscls' })
    for _, ft in ipairs({ 'javascript', 'javascriptreact', 'typescript', 'typescriptreact' }) do
      if not vim.tbl_contains(c.filetypes, ft) then
        fail('filetypes %s lack %s', vim.inspect(c.filetypes), ft)
      end
    end
    expect('init_options', c.init_options, {})
    expect('settings', c.settings, {})
    if vim.fn.has('nvim-0.11') == 1 and vim.fn.has('nvim-0.11.3') == 0 then
      expect('root_markers (flat before 0.11.3)', c.root_markers, flatten(GROUPS))
    else
      expect('root_markers', c.root_markers, GROUPS)
    end
    return vim.inspect(c):gsub('%s+', ' ')
  end)

  check('lsp/rscls.lua takes the binary from RSCLS_PATH', function()
    expect('cmd with RSCLS_PATH', load('/opt/rscls/bin/rscls').cmd, { '/opt/rscls/bin/rscls' })
    expect('cmd with RSCLS_PATH empty', load('').cmd, { 'rscls' })
  end)

  check("require('rscls').defaults() reads lsp/rscls.lua", function()
    local c, from = require('rscls').defaults()
    expect('file', vim.fn.resolve(from), vim.fn.resolve(file))
    expect('config', c, load(os.getenv('RSCLS_PATH')))
  end)

  check('root detection', function()
    local find_root = require('rscls').find_root
    local markers = load(nil).root_markers
    local cases = {
      -- An app: next.config.mjs and package.json sit at its root.
      { app .. '/components/like-button.tsx', app },
      { app .. '/app/page.tsx', app },
      -- A monorepo: the lockfile at the top beats the app's nearer
      -- next.config.mjs and package.json.
      { mono .. '/apps/web/components/profile.tsx', mono },
      { mono .. '/packages/db/index.ts', mono },
    }
    local got, want = {}, {}
    for _, case in ipairs(cases) do
      table.insert(got, find_root(case[1], GROUPS) or vim.NIL)
      table.insert(want, case[2])
    end
    expect('roots by priority group', got, want)
    -- Names of one group have equal priority, names of a flat list do not:
    -- next.config.js is listed before next.config.mjs.
    local top = vim.fn.tempname() .. '/top'
    vim.fn.mkdir(top .. '/sub', 'p')
    vim.fn.writefile({}, top .. '/next.config.js')
    vim.fn.writefile({}, top .. '/sub/next.config.mjs')
    expect('root by a group', find_root(top .. '/sub/page.tsx', GROUPS), top .. '/sub')
    expect('root by a flat list', find_root(top .. '/sub/page.tsx', flatten(GROUPS)), top)
    expect('root with the markers of this Neovim', find_root(mono .. '/apps/web/app/page.tsx', markers), mono)
    local lonely = vim.fn.tempname() .. '/lonely'
    vim.fn.mkdir(lonely, 'p')
    expect('root with no marker', find_root(lonely .. '/x.ts', { { 'rscls-no-such-marker' } }), nil)
  end)

  if not vim.lsp.config then
    check('setup{} without a binary warns once and starts nothing', function()
      local notes = {}
      vim.notify = function(msg, level)
        table.insert(notes, { msg = msg, level = level })
      end
      vim.cmd('filetype on')
      require('rscls').setup({ cmd = { '/nonexistent/rscls' } })
      vim.cmd('edit ' .. vim.fn.fnameescape(app .. '/components/post.tsx'))
      vim.cmd('edit ' .. vim.fn.fnameescape(app .. '/components/like-button.tsx'))
      expect('notifications', #notes, 1)
      contains('notification', notes[1].msg, '/nonexistent/rscls is not executable')
      expect('level', notes[1].level, vim.log.levels.WARN)
      expect('clients', #vim.lsp.get_active_clients(), 0)
      vim.api.nvim_del_augroup_by_name('rscls')
      vim.cmd('silent! %bwipeout!')
    end)
  end

  check(':checkhealth rscls', function()
    vim.env.RSCLS_PATH = bin
    vim.cmd('checkhealth rscls')
    local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
    contains('health report', text, bin .. ': rscls ')
    if text:find('ERROR', 1, true) then
      fail('health report has errors:\n%s', text)
    end
    return vim.trim(text:match('[^\n]*' .. vim.pesc(bin) .. ': rscls [^\n]*') or '')
  end)
end

H.run(main)
