-- Neovim (0.7+) as an independent LSP client of the Copydesk server: open a draft, wait for diagnostics,
-- request a code action for the first finding, apply it, and report what happened on stdout.
local server = os.getenv('COPYDESK_SERVER')
local draft = os.getenv('COPYDESK_DRAFT')
local out = {}
local function say(line) table.insert(out, line) end

vim.cmd('edit ' .. draft)
vim.bo.filetype = 'markdown'
local bufnr = vim.api.nvim_get_current_buf()
local got = nil
local client_id = vim.lsp.start_client({
  name = 'copydesk',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(draft, ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri == vim.uri_from_bufnr(bufnr) and #result.diagnostics > 0 then got = result end
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
vim.lsp.buf_attach_client(bufnr, client_id)
local ok = vim.wait(15000, function() return got ~= nil end, 50)
if not ok then
  say('FAIL no diagnostics within 15 s')
else
  for _, d in ipairs(got.diagnostics) do say(string.format('diagnostic %s %d:%d %s', d.code, d.range.start.line, d.range.start.character, d.message)) end
  local first = got.diagnostics[1]
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = first.range, context = { diagnostics = { first } } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000)
  local applied = false
  for _, res in pairs(responses or {}) do
    for _, action in ipairs(res.result or {}) do
      if not applied and action.edit and action.isPreferred then
        local client = vim.lsp.get_client_by_id(client_id)
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
        say('applied ' .. action.title)
        applied = true
      end
    end
  end
  if not applied then say('FAIL no preferred code action') end
  say('line ' .. vim.api.nvim_buf_get_lines(bufnr, first.range.start.line, first.range.start.line + 1, false)[1])
end
io.stdout:write(table.concat(out, '\n') .. '\n')
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
