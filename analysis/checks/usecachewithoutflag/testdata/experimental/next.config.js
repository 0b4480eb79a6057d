module.exports = { experimental: { useCache: true } }
