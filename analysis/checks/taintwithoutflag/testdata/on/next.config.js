const withMDX = require('@next/mdx')()

module.exports = withMDX({ experimental: { taint: true } })
