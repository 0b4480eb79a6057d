-- End-to-end test of rscls in a real Neovim, run by nvim_test.go:
--
--   nvim --headless --clean -u NONE -c 'luafile test/e2e.lua'
--
-- It starts the server the way editors/nvim/README.md documents (on Neovim
-- 0.11+ vim.lsp.config/vim.lsp.enable with lsp/rscls.lua, before that
-- require('rscls').setup{}), opens files of copies of testdata/nvim/app and
-- testdata/nvim/monorepo, and checks diagnostics, hover and code actions as
-- Neovim sees them.
--
-- Environment:
--   RSCLS_NVIM_DIR      editors/nvim, added to 'runtimepath'
--   RSCLS_PATH          the rscls binary (read by lsp/rscls.lua)
--   RSCLS_E2E_APP       a copy of testdata/nvim/app
--   RSCLS_E2E_MONOREPO  a copy of testdata/nvim/monorepo
--   RSCLS_E2E_RESULT    the file for the results (see harness.lua)
--   RSCLS_E2E_TIMEOUT   milliseconds each wait may take (default 15000)

local env = {
  dir = os.getenv('RSCLS_NVIM_DIR'),
  bin = os.getenv('RSCLS_PATH'),
  app = os.getenv('RSCLS_E2E_APP'),
  mono = os.getenv('RSCLS_E2E_MONOREPO'),
}
local H = dofile(env.dir .. '/test/harness.lua')
local check, fail, wait, expect, contains = H.check, H.fail, H.wait, H.expect, H.contains

local function path_join(...)
  return table.concat({ ... }, '/')
end

local function edit(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  return vim.api.nvim_get_current_buf()
end

local function rscls_clients(bufnr)
  local list
  if vim.lsp.get_clients then
    list = vim.lsp.get_clients({ bufnr = bufnr })
  elseif bufnr then
    list = vim.lsp.buf_get_clients(bufnr)
  else
    list = vim.lsp.get_active_clients()
  end
  local found = {}
  for _, c in pairs(list) do
    if c.name == 'rscls' then
      table.insert(found, c)
    end
  end
  table.sort(found, function(a, b)
    return a.id < b.id
  end)
  return found
end

local function client_of(bufnr)
  return wait('an rscls client attached to ' .. vim.api.nvim_buf_get_name(bufnr), function()
    return rscls_clients(bufnr)[1]
  end)
end

local function lines(bufnr)
  return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end

-- The diagnostics rscls published for bufnr, as short readable strings.
local function summary(bufnr)
  local s = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(s, string.format('%d:%d-%d:%d %s', d.lnum, d.col, d.end_lnum, d.end_col, tostring(d.code)))
  end
  table.sort(s)
  return s
end

local function find_diag(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code and d.source == 'rscls' then
      return d
    end
  end
  return nil
end

local function wait_diag(bufnr, code)
  return wait(function()
    return string.format('a %s diagnostic in %s; it has %s', code,
      vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':t'), vim.inspect(summary(bufnr)))
  end, function()
    return find_diag(bufnr, code)
  end)
end

local function wait_no_diag(bufnr, codes)
  wait(function()
    return string.format('%s to leave %s; it has %s', table.concat(codes, ' and '),
      vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':t'), vim.inspect(summary(bufnr)))
  end, function()
    for _, code in ipairs(codes) do
      if find_diag(bufnr, code) then
        return false
      end
    end
    return true
  end)
end

-- expect_at checks a diagnostic's place (0-based line, byte columns as
-- Neovim stores them).
local function expect_at(d, lnum, col, end_col)
  expect(d.code .. ' position (line, col, end_col)', { d.lnum, d.col, d.end_col }, { lnum, col, end_col })
end

-- byte column of the first occurrence of s in the buffer's line lnum.
local function col_of(bufnr, lnum, s)
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, true)[1]
  local i = line:find(s, 1, true)
  if not i then
    fail('line %d %q does not contain %q', lnum, line, s)
  end
  return i - 1
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, H.TIMEOUT)
  if not responses then
    fail('%s: no response (%s)', method, tostring(err))
  end
  for _, client in ipairs(rscls_clients(bufnr)) do
    local r = responses[client.id]
    if r then
      if r.err or r.error then
        fail('%s: error %s', method, vim.inspect(r.err or r.error))
      end
      return r.result
    end
  end
  fail('%s: rscls did not answer: %s', method, vim.inspect(responses))
end

local function hover_text(bufnr, row, col)
  vim.api.nvim_win_set_cursor(0, { row + 1, col })
  local client = client_of(bufnr)
  local result = request(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params(0, client.offset_encoding))
  if not result or not result.contents then
    fail('no hover at %d:%d', row, col)
  end
  local c = result.contents
  return type(c) == 'table' and c.value or c, c.kind
end

local function floating_windows()
  local wins = {}
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= '' then
      table.insert(wins, w)
    end
  end
  return wins
end

local function close_floats()
  for _, w in ipairs(floating_windows()) do
    pcall(vim.api.nvim_win_close, w, true)
  end
end

-- The LSP form of the rscls diagnostics on line lnum, for a code action
-- request's context (the lines used here are ASCII: bytes are code units).
local function lsp_diagnostics(bufnr, lnum)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = lnum })) do
    table.insert(list, {
      range = {
        start = { line = d.lnum, character = d.col },
        ['end'] = { line = d.end_lnum, character = d.end_col },
      },
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code,
    })
  end
  return list
end

-- choose makes vim.ui.select, which vim.lsp.buf.code_action shows the
-- actions with, pick the action titled title, as a user would.
local function choose(title)
  local offered = {}
  vim.ui.select = function(items, _, on_choice)
    for i, item in ipairs(items) do
      local action = item.action or item[2] -- Neovim 0.10+ and 0.7
      table.insert(offered, action.title)
      if action.title == title then
        on_choice(item, i)
        return
      end
    end
    on_choice(nil, nil)
  end
  return offered
end

local function main()
  -- Setup as documented in editors/nvim/README.md.
  vim.opt.runtimepath:prepend(env.dir)
  vim.cmd('filetype on')
  vim.o.hidden = true
  vim.o.swapfile = false
  -- Every message between Neovim and the server goes to lsp.log, which
  -- nvim_test.go shows when a check fails.
  require('vim.lsp.log').set_level('debug')

  local statuses = {}
  local exits = {}
  local overrides = {
    init_options = { diagnosticsDelay = 20 },
    handlers = {
      ['rscls/status'] = function(_, result, ctx)
        table.insert(statuses, { client = ctx.client_id, state = result.state })
      end,
    },
    on_exit = function(code, signal, client_id)
      exits[client_id] = { code = code, signal = signal }
    end,
  }
  local mode
  check('setup', function()
    if vim.lsp.config and vim.lsp.enable then
      mode = "vim.lsp.config('rscls', ...) + vim.lsp.enable('rscls') with lsp/rscls.lua"
      vim.lsp.config('rscls', overrides)
      vim.lsp.enable('rscls')
    else
      mode = "require('rscls').setup{...}"
      require('rscls').setup(overrides)
    end
    return mode
  end, true)

  local app = env.app
  local like = edit(path_join(app, 'components/like-button.tsx'))
  local client

  check('client starts for the workspace root', function()
    client = client_of(like)
    expect('client root_dir', client.config.root_dir, app)
    expect('client cmd (from RSCLS_PATH)', client.config.cmd, { env.bin })
    expect('filetype', vim.bo[like].filetype, 'typescriptreact')
    return string.format('client %d, offset encoding %s', client.id, client.offset_encoding)
  end, true)

  check('rscls/status indexing then ready', function()
    wait(function()
      return 'rscls/status ready; got ' .. vim.inspect(statuses)
    end, function()
      for _, s in ipairs(statuses) do
        if s.client == client.id and s.state == 'ready' then
          return true
        end
      end
    end)
    local states = {}
    for _, s in ipairs(statuses) do
      if s.client == client.id then
        table.insert(states, s.state)
      end
    end
    expect('states', { states[1], states[#states] }, { 'indexing', 'ready' })
    return table.concat(states, ' → ')
  end, true)

  check('cross-file diagnostic: clientApiInServer in like-button.tsx', function()
    local d = wait_diag(like, 'clientApiInServer')
    expect_at(d, 0, 9, 17) -- import { useState } from 'react'
    expect('severity', d.severity, vim.diagnostic.severity.ERROR)
    contains('message', d.message, "You're importing a module that depends on `useState` into a React Server Component module")
    -- The finding exists because app/page.tsx, a Server Component, imports
    -- components/post.tsx, which imports this file.
    local related = d.user_data and d.user_data.lsp and d.user_data.lsp.relatedInformation or {}
    local uris = {}
    for _, r in ipairs(related) do
      table.insert(uris, vim.uri_to_fname(r.location.uri):sub(#app + 2))
    end
    if not vim.tbl_contains(uris, 'app/page.tsx') or not vim.tbl_contains(uris, 'components/post.tsx') then
      fail('relatedInformation should point at app/page.tsx and components/post.tsx: %s', vim.inspect(related))
    end
    return string.format('%d:%d %s (related: %s)', d.lnum + 1, d.col + 1, d.message, table.concat(uris, ', '))
  end)

  check('diagnostic columns after a non-ASCII character', function()
    -- Line 7: return <button title="♥" onClick={() => setLiked(!liked)}>...
    local d = wait_diag(like, 'eventHandlerInServer')
    expect_at(d, 6, col_of(like, 6, '() =>'), col_of(like, 6, '}>{'))
    return string.format('%d:%d-%d (bytes), server encoding %s', d.lnum + 1, d.col, d.end_col, client.offset_encoding)
  end)

  local sidebar_path = path_join(app, 'components/sidebar.tsx')
  check('diagnostics of a file that is not open', function()
    local b = vim.fn.bufnr(sidebar_path)
    if b < 0 then
      fail('no buffer for %s: its diagnostics were not published', sidebar_path)
    end
    local d = wait_diag(b, 'misplacedDirective')
    expect_at(d, 1, 0, 12)
    expect('loaded', vim.api.nvim_buf_is_loaded(b), false)
    return vim.inspect(summary(b))
  end)

  local post = edit(path_join(app, 'components/post.tsx'))
  check('hover on an import source', function()
    client_of(post)
    local text = hover_text(post, 0, col_of(post, 0, "'./like-button'") + 2)
    contains('hover', text, '`components/like-button.tsx`')
    contains('hover', text, 'Server Component')
    return text:gsub('\n.*', '')
  end)

  check('vim.lsp.buf.hover() shows the text in a float', function()
    close_floats()
    vim.api.nvim_win_set_cursor(0, { 1, col_of(post, 0, "'./like-button'") + 2 })
    vim.lsp.buf.hover()
    local win = wait('a hover window', function()
      return floating_windows()[1]
    end)
    local text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
    contains('hover window', text, 'components/like-button.tsx')
    close_floats()
  end)

  check('code lens shows the environment of the file', function()
    local lenses = request(post, 'textDocument/codeLens', { textDocument = { uri = vim.uri_from_bufnr(post) } }) or {}
    local titles = {}
    for _, l in ipairs(lenses) do
      table.insert(titles, l.command and l.command.title or '?')
    end
    expect('code lens titles of post.tsx', titles, { 'Server Component · via app/page.tsx' })
    return titles[1]
  end)

  local sidebar = edit(sidebar_path)
  local moved = false
  check('quick fix moves the misplaced directive', function()
    client_of(sidebar)
    local d = wait_diag(sidebar, 'misplacedDirective')
    expect_at(d, 1, 0, 12)
    vim.api.nvim_win_set_cursor(0, { 2, 0 })
    local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
    params.context = { diagnostics = lsp_diagnostics(sidebar, 1) }
    local actions = request(sidebar, 'textDocument/codeAction', params) or {}
    local fix, titles = nil, {}
    for _, a in ipairs(actions) do
      table.insert(titles, string.format('%s [%s]', a.title, tostring(a.kind)))
      if a.title == 'Move the directive to the top of the file' and a.kind == 'quickfix' then
        fix = a
      end
    end
    if not fix or not fix.edit then
      fail('no quickfix "Move the directive to the top of the file" with an edit among %s', vim.inspect(titles))
    end
    local has_source = false
    for _, a in ipairs(actions) do
      has_source = has_source or (type(a.kind) == 'string' and a.kind:find('^source%.') ~= nil)
    end
    if not has_source then
      fail('no source actions among %s', vim.inspect(titles))
    end
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
    expect('sidebar.tsx after the fix', lines(sidebar), {
      "'use client'",
      "import { useEffect } from 'react'",
      '',
      'export function Sidebar() {',
      '  useEffect(() => {}, [])',
      '  return <aside />',
      '}',
    })
    moved = true
    -- The file is a Client Component boundary now: the graph check drops
    -- its clientApiInServer too.
    wait_no_diag(sidebar, { 'misplacedDirective', 'clientApiInServer' })
    return table.concat(titles, '; ')
  end)

  check('hover on a "use client" directive', function()
    if not moved then
      fail('skipped: the directive was not moved')
    end
    local text, kind = hover_text(sidebar, 0, 3)
    expect('markup kind', kind, 'markdown')
    local want = '**"use client"**: this module is a Client Component boundary.'
    expect('hover start', text:sub(1, #want), want)
    return text:gsub('\n.*', '')
  end)

  check('code action in post.tsx changes the diagnostics of like-button.tsx', function()
    vim.cmd('buffer ' .. post)
    vim.api.nvim_win_set_cursor(0, { 1, 0 })
    local offered = choose('Add "use client"')
    vim.lsp.buf.code_action()
    wait(function()
      return 'post.tsx to start with \'use client\' (actions offered: ' .. vim.inspect(offered) .. ')'
    end, function()
      return lines(post)[1] == "'use client'"
    end)
    expect('post.tsx after the action', { unpack(lines(post), 1, 4) }, {
      "'use client'",
      '',
      "import { LikeButton } from './like-button'",
      '',
    })
    -- Unsaved: the server sees the buffer, not the disk.
    expect('post.tsx modified', vim.bo[post].modified, true)
    wait_no_diag(like, { 'clientApiInServer', 'eventHandlerInServer' })
    vim.cmd('silent undo')
    expect('post.tsx line 1 after undo', lines(post)[1], "import { LikeButton } from './like-button'")
    local d = wait_diag(like, 'clientApiInServer')
    expect_at(d, 0, 9, 17)
  end)

  check('quick fix that creates a file: the package re-exported from a new "use client" file', function()
    local theme = edit(path_join(app, 'app/theme/page.tsx'))
    local d = wait_diag(theme, 'thirdPartyClientPackage')
    local col = col_of(theme, 0, "'ctx-lib'")
    expect_at(d, 0, col, col + #"'ctx-lib'")
    vim.api.nvim_win_set_cursor(0, { 1, col })
    local title = 'Re-export from a new file that starts with "use client" (ctx-lib-client.tsx)'
    local offered = choose(title)
    vim.lsp.buf.code_action()
    wait(function()
      return 'the import to take the new file (actions offered: ' .. vim.inspect(offered) .. ')'
    end, function()
      return lines(theme)[1] == "import { ThemeProvider } from './ctx-lib-client'"
    end)
    local created = path_join(app, 'app/theme/ctx-lib-client.tsx')
    expect('the new file is on disk', vim.fn.filereadable(created), 1)
    local buf = vim.fn.bufnr(created)
    expect('the new file has a buffer', buf ~= -1, true)
    vim.fn.bufload(buf)
    expect('the new file', lines(buf), { "'use client'", '', "export { ThemeProvider } from 'ctx-lib'", '' })
    wait_no_diag(theme, { 'thirdPartyClientPackage' })
    return title
  end)

  local mono = env.mono
  check('monorepo: the root is the workspace root, not the app', function()
    local profile = edit(path_join(mono, 'apps/web/components/profile.tsx'))
    local c = client_of(profile)
    expect('root_dir (the directory of package-lock.json)', c.config.root_dir, mono)
    if c.id == client.id then
      fail('the monorepo file attached to the client of %s', app)
    end
    -- profile.tsx is a Client Component that imports @mono/db, a workspace
    -- package that imports server-only: only the workspace root sees both.
    -- The error is where Next.js reports it, at the package's import of
    -- server-only, with the chain through profile.tsx.
    local db = edit(path_join(mono, 'packages/db/index.ts'))
    expect('the package attaches to the same client', client_of(db).id, c.id)
    local d = wait_diag(db, 'serverOnlyInClient')
    local col = col_of(db, 0, "'server-only'")
    expect_at(d, 0, col, col + #"'server-only'")
    contains('message', d.message, 'apps/web/components/profile.tsx')
    return string.format('client %d at %s; %d:%d %s', c.id, c.config.root_dir, d.lnum + 1, d.col + 1, d.message)
  end)

  check('servers shut down cleanly', function()
    local ids = {}
    for _, c in ipairs(rscls_clients()) do
      table.insert(ids, c.id)
    end
    expect('running clients', #ids, 2)
    vim.lsp.stop_client(ids)
    wait(function()
      return 'the servers to exit; exits so far ' .. vim.inspect(exits)
    end, function()
      for _, id in ipairs(ids) do
        if not exits[id] then
          return false
        end
      end
      return true
    end)
    for _, id in ipairs(ids) do
      expect('exit of client ' .. id, exits[id], { code = 0, signal = 0 })
    end
  end)
end

H.run(main)
