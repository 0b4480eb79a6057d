// Bundles the extension and vscode-languageclient into out/extension.js.
// `node scripts/bundle.mjs --production` minifies and leaves out the source map.
import { rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

await esbuild.build({
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'out/extension.js',
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  // The oldest supported VS Code (1.82) runs extensions on Node 18.
  target: 'node18',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
});

if (production) {
  // A map left over from a development build must not end up in the package.
  rmSync('out/extension.js.map', { force: true });
}
