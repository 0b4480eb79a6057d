// The browser build gets a stand-in for fs: nothing is reported.
export default {
  webpack(config, { isServer }) {
    if (!isServer) {
      config.resolve.fallback = { ...config.resolve.fallback, fs: false }
    }
    return config
  },
  turbopack: {
    resolveAlias: { fs: { browser: './empty.ts' } },
  },
}
