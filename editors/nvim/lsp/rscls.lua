-- rscls: the React Server Components language server, for Next.js App
-- Router projects.
--
-- Neovim 0.11+: put the directory holding this lsp/ folder on 'runtimepath'
-- (or copy this file to ~/.config/nvim/lsp/rscls.lua), then
--
--   vim.lsp.enable('rscls')
--
-- Change any field with vim.lsp.config('rscls', { ... }). Neovim 0.7 to
-- 0.10 use require('rscls').setup{}, which reads this same file. See
-- editors/nvim/README.md.

-- The workspace root decides what the server analyzes: every Next.js app
-- under it, and the workspace packages that its pnpm-workspace.yaml or
-- package.json "workspaces" declare. In a monorepo that is the directory of
-- the lockfile, not the app's, so lockfiles come first. Markers in one group
-- have equal priority: the nearest directory holding any of them wins, and
-- only when a group matches nowhere above the file is the next one tried.
local groups = {
  { 'pnpm-workspace.yaml', 'pnpm-lock.yaml', 'package-lock.json', 'yarn.lock', 'bun.lock', 'bun.lockb' },
  { 'next.config.js', 'next.config.mjs', 'next.config.ts', 'rscls.json' },
  { 'package.json' },
  { '.git' },
}

-- vim.lsp.config takes nested lists from Neovim 0.11.3; 0.11.0 to 0.11.2
-- get the names as one flat list, where each name is a priority level of
-- its own (lockfiles still come first). Before 0.11 only
-- require('rscls').setup{} reads this file, and it handles the groups.
local root_markers = groups
if vim.fn.has('nvim-0.11') == 1 and vim.fn.has('nvim-0.11.3') == 0 then
  root_markers = {}
  for _, group in ipairs(groups) do
    vim.list_extend(root_markers, group)
  end
end

-- RSCLS_PATH, when set, names the binary; otherwise rscls is looked up
-- on PATH.
local path = vim.env.RSCLS_PATH
if path == nil or path == '' then
  path = 'rscls'
end

return {
  cmd = { path },
  filetypes = {
    'javascript',
    'javascriptreact',
    'javascript.jsx',
    'typescript',
    'typescriptreact',
    'typescript.tsx',
  },
  root_markers = root_markers,
  -- The keys of rscls.json, e.g. { diagnosticsDelay = 100, rules = { ... } }.
  init_options = {},
  -- Sent with workspace/didChangeConfiguration when not empty; they replace
  -- init_options as a whole. Either plain keys or { rscls = { ... } }.
  settings = {},
}
