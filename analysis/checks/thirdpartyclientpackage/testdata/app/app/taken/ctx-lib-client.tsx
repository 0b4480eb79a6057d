export const note = 'taken'
