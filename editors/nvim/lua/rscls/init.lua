-- rscls for Neovim 0.7 to 0.10, which have no vim.lsp.config:
--
--   require('rscls').setup{}
--
-- starts the server (one per workspace root) for JavaScript and TypeScript
-- buffers and attaches them to it. The defaults come from lsp/rscls.lua, the
-- file Neovim 0.11+ reads for vim.lsp.enable('rscls'); setup{} takes the
-- same fields (cmd, filetypes, root_markers, init_options, settings,
-- on_attach, handlers, capabilities, ...) to change them. On Neovim 0.11+
-- setup{} hands the fields to vim.lsp.config and calls vim.lsp.enable.
local M = {}

local uv = vim.loop

-- The directory that holds lua/rscls/init.lua: editors/nvim.
local function plugin_dir()
  local source = debug.getinfo(1, 'S').source
  if source:sub(1, 1) == '@' then
    source = source:sub(2)
  end
  return vim.fn.fnamemodify(source, ':p:h:h:h')
end

--- Returns a fresh copy of the default configuration and the file it came
--- from: the lsp/rscls.lua next to this module, or else the first one on
--- 'runtimepath'.
function M.defaults()
  local candidates = { plugin_dir() .. '/lsp/rscls.lua' }
  vim.list_extend(candidates, vim.api.nvim_get_runtime_file('lsp/rscls.lua', true))
  for _, file in ipairs(candidates) do
    if uv.fs_stat(file) then
      return dofile(file), file
    end
  end
  error('rscls: lsp/rscls.lua is neither next to ' .. plugin_dir() .. ' nor on runtimepath')
end

--- Returns the workspace root for the file at path, or nil. markers lists
--- names or lists of names, in priority order: for the first entry that
--- matches, the nearest directory above path holding one of its names.
--- These are the rules of root_markers in Neovim 0.11.3+.
function M.find_root(path, markers)
  local start = vim.fn.fnamemodify(path, ':p:h')
  for _, entry in ipairs(markers or {}) do
    local names = type(entry) == 'table' and entry or { entry }
    local dir = start
    while true do
      for _, name in ipairs(names) do
        if uv.fs_stat(dir .. '/' .. name) then
          return dir
        end
      end
      local parent = vim.fn.fnamemodify(dir, ':h')
      if parent == dir then
        break
      end
      dir = parent
    end
  end
  return nil
end

local warned = false

local function warn_once(msg)
  if not warned then
    warned = true
    vim.notify(msg, vim.log.levels.WARN)
  end
end

-- Client ids by workspace root, for Neovim 0.7, which has no vim.lsp.start.
local clients = {}

local function start(config, bufnr)
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients[config.root_dir]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(config)
    clients[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- Attaches the buffer to the server for its workspace root, starting the
--- server if needed. Returns the client id, or nil when the buffer is not
--- a file or the server cannot be started.
function M.attach(bufnr, config)
  if bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  if vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' or name:match('^%a[%w+.-]*://') then
    return nil -- not a file on disk
  end
  local cmd = config.cmd
  if type(cmd) == 'table' and vim.fn.executable(cmd[1]) == 0 then
    warn_once(string.format(
      'rscls: %s is not executable. Build it with `go build -o rscls ./cmd/lsp/rscls` and put it on PATH, '
        .. 'or set RSCLS_PATH or cmd in setup{}.',
      cmd[1]
    ))
    return nil
  end
  local c = vim.deepcopy(config)
  local root = c.root_dir
  if type(root) == 'function' then
    root = root(bufnr)
    if root == nil then
      return nil -- the function declines this buffer
    end
  elseif root == nil then
    root = M.find_root(name, c.root_markers) or vim.fn.fnamemodify(name, ':p:h')
  end
  c.root_dir = root
  return start(c, bufnr)
end

--- Configures rscls and starts it for every buffer of its filetypes,
--- including those already open. opts overrides fields of lsp/rscls.lua;
--- on Neovim 0.7 to 0.10 root_dir may also be a directory or a
--- function(bufnr) returning one (or nil not to attach).
function M.setup(opts)
  opts = opts or {}
  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config('rscls', opts)
    vim.lsp.enable('rscls')
    return
  end
  local config = vim.tbl_deep_extend('force', M.defaults(), { name = 'rscls' }, opts)
  local group = vim.api.nvim_create_augroup('rscls', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      M.attach(args.buf, config)
    end,
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(config.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr, config)
    end
  end
end

return M
