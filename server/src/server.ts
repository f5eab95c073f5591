// Placeholder until the language server lands: starts nothing yet.
export function startServer(): void {
  throw new Error('the language server is not built yet');
}
