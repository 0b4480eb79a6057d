export const dynamic = 'force-static'
