// A private folder: not an error boundary.
export class AppError extends Error {}
