export default { cacheComponents: false }
