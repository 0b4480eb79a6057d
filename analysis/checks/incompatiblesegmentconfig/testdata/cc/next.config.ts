import type { NextConfig } from 'next'

export default { cacheComponents: true, experimental: { useCache: true } } satisfies NextConfig
