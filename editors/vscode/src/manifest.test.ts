// Checks of package.json: what VS Code reads from it decides when the
// extension runs and what it offers, and none of it is type-checked.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LANGUAGES } from './languages';
import { SERVER_SETTINGS_TITLE } from './settings';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

interface ConfigEntry {
  title: string;
  properties: Record<string, Record<string, unknown>>;
}
const entries: ConfigEntry[] = pkg.contributes.configuration;
const properties: Record<string, Record<string, unknown>> = Object.assign({}, ...entries.map((e) => e.properties));

describe('package.json', () => {
  it('activates on the four languages and on a Next.js project', () => {
    assert.deepEqual(pkg.activationEvents, [
      ...LANGUAGES.map((l) => `onLanguage:${l}`),
      'workspaceContains:**/next.config.*',
    ]);
  });

  it('declares every command the extension registers', () => {
    const source = readFileSync(path.join(root, 'src', 'extension.ts'), 'utf8');
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const declared = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, registered);
    for (const id of ['rscls.restart', 'rscls.showGraph']) {
      assert.ok(declared.includes(id), `missing ${id}`);
    }
    const titles = Object.fromEntries(pkg.contributes.commands.map((c: { command: string; title: string; category: string }) => [c.command, `${c.category}: ${c.title}`]));
    assert.equal(titles['rscls.restart'], 'rscls: Restart Server');
    assert.equal(titles['rscls.showGraph'], 'rscls: Show Boundary Graph');
  });

  it('restricts rscls.server.path in untrusted workspaces', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['rscls.server.path']);
  });

  it('contributes the extension\'s own settings', () => {
    assert.equal(properties['rscls.server.path'].scope, 'machine');
    assert.equal(properties['rscls.server.path'].type, 'string');
    assert.deepEqual(properties['rscls.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  it('contributes the server\'s settings generated from Go', () => {
    const generated = entries.find((e) => e.title === SERVER_SETTINGS_TITLE);
    assert.ok(generated, `no configuration entry titled ${SERVER_SETTINGS_TITLE}`);
    for (const key of ['rules', 'clientOnlyModules', 'serverOnlyModules', 'cacheKinds', 'ignore', 'diagnosticsDelay', 'codeLens', 'logLevel']) {
      assert.ok(generated.properties[`rscls.${key}`], `missing rscls.${key}`);
    }
    const rules = generated.properties['rscls.rules'] as {
      additionalProperties: { enum: string[] };
      propertyNames: { enum: string[] };
      description: string;
    };
    assert.deepEqual(rules.additionalProperties.enum, ['error', 'warning', 'info', 'hint', 'off']);
    assert.ok(rules.propertyNames.enum.includes('clientApiInServer'));
    for (const name of rules.propertyNames.enum) {
      assert.ok(rules.description.includes(name), `the description of rscls.rules does not list ${name}`);
    }
    assert.deepEqual(generated.properties['rscls.logLevel'].enum, ['error', 'warn', 'info', 'debug']);
  });

  it('runs the bundle on the VS Code versions its types describe', () => {
    assert.equal(pkg.main, './out/extension.js');
    assert.equal(pkg.engines.vscode, '^1.82.0');
    assert.equal(pkg.devDependencies['@types/vscode'], '1.82.0');
  });
});
