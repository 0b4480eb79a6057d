module.exports = { experimental: { dynamicIO: true } }
