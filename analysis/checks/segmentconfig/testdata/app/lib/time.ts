export const ONE_HOUR = 3600
