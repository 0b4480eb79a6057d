/** The languages whose files the server checks; activation and the document selector both use them. */
export const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;
