const nextConfig = { cacheComponents: false, cacheHandlers: { x: './x.mjs' } }
export default nextConfig
