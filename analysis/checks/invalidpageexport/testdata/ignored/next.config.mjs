// Type errors do not stop the build.
export default { typescript: { ignoreBuildErrors: true } }
