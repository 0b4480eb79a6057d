import type { NextConfig } from 'next'

// Next.js 15 reads Cache Components from experimental only.
const nextConfig: NextConfig = { cacheComponents: true }

export default nextConfig
