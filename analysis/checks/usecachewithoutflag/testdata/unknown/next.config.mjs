export default { cacheComponents: process.env.CACHE === '1' }
