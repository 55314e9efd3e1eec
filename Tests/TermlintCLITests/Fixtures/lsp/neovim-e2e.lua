-- End-to-end test of `termlint lsp` with Neovim's built-in LSP client (Neovim 0.7 or later,
-- headless). Run by NeovimLSPTests.swift:
--   nvim --headless --clean -u NONE -c 'luafile neovim-e2e.lua'
-- with TERMLINT_BIN (the binary), TERMLINT_DOC (the article), TERMLINT_LINE (0-based line of
-- the deprecated term), TERMLINT_TERM and TERMLINT_PREFERRED (the term and its replacement)
-- and TERMLINT_OUT (where the JSON result goes). Everything it saw is written to the result;
-- the Swift test judges it.
local env = os.getenv
local bin, file, out = env('TERMLINT_BIN'), env('TERMLINT_DOC'), env('TERMLINT_OUT')
local line_nr, term, preferred = tonumber(env('TERMLINT_LINE')), env('TERMLINT_TERM'), env('TERMLINT_PREFERRED')
local result = {}

local function forbidden_on_line()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == 'term-forbidden' and d.lnum == line_nr then table.insert(found, d) end
  end
  return found
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local id = vim.lsp.start_client({
    name = 'termlint', cmd = { bin, 'lsp' }, root_dir = vim.fn.fnamemodify(file, ':h'),
    flags = { debounce_text_changes = 0 },
  })
  vim.lsp.buf_attach_client(0, id)
  result.got_diagnostics = (vim.wait(60000, function() return #forbidden_on_line() > 0 end, 10))
  result.all = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(result.all, { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message })
  end
  local d = forbidden_on_line()[1]
  result.col, result.end_col = d.col, d.end_col
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    -- The whole line (a character past its end means its end).
    range = { start = { line = d.lnum, character = 0 }, ['end'] = { line = d.lnum, character = 100000 } },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 20000)
  result.titles = {}
  local fix
  for _, r in pairs(responses or {}) do
    for _, action in ipairs(r.result or {}) do
      table.insert(result.titles, action.title)
      if not fix and action.title:find("'" .. preferred .. "'", 1, true) then fix = action end
    end
  end
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  result.line_after_fix = vim.api.nvim_buf_get_lines(0, line_nr, line_nr + 1, false)[1]
  result.cleared = (vim.wait(60000, function() return #forbidden_on_line() == 0 end, 10))
  -- Edits that bring the term back and take it away again: fresh diagnostics after each.
  result.edits = {}
  for i = 1, 6 do
    local text = vim.api.nvim_buf_get_lines(0, line_nr, line_nr + 1, false)[1]
    local from, to = preferred, term
    if i % 2 == 0 then from, to = term, preferred end
    local s = text:find(from, 1, true)
    vim.api.nvim_buf_set_text(0, line_nr, s - 1, line_nr, s - 1 + #from, { to })
    local want = (i % 2 == 1) and 1 or 0
    table.insert(result.edits, (vim.wait(60000, function() return #forbidden_on_line() == want end, 2)))
  end
end)
result.ok = ok
result.error = (not ok) and tostring(err) or nil
vim.fn.writefile({ vim.fn.json_encode(result) }, out)
vim.cmd('qa!')
