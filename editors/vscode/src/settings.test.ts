import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isSet, serverSettingKeys, serverSettings, type SettingValue } from './settings';

const manifest: unknown = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('serverSettingKeys', () => {
  it('lists the keys of the generated entry, and only those', () => {
    const keys = serverSettingKeys(manifest);
    for (const key of ['rules', 'clientOnlyModules', 'serverOnlyModules', 'cacheKinds', 'ignore', 'diagnosticsDelay', 'codeLens', 'logLevel']) {
      assert.ok(keys.includes(key), `missing ${key}`);
    }
    assert.ok(!keys.includes('server.path'));
    assert.ok(!keys.includes('trace.server'));
  });

  it('copes with a manifest without configuration', () => {
    assert.deepEqual(serverSettingKeys({}), []);
    assert.deepEqual(serverSettingKeys(undefined), []);
    assert.deepEqual(serverSettingKeys({ contributes: { configuration: { properties: {} } } }), []);
  });
});

describe('serverSettings', () => {
  const keys = ['rules', 'ignore', 'diagnosticsDelay', 'codeLens', 'logLevel'];
  const defaults: Record<string, unknown> = { rules: {}, ignore: [], diagnosticsDelay: 200, codeLens: true, logLevel: 'info' };

  it('sends nothing when the user set nothing, so that rscls.json decides', () => {
    const read = (key: string): SettingValue => ({ set: false, value: defaults[key] });
    assert.deepEqual(serverSettings(keys, read), {});
  });

  it('sends the keys the user set, with their values', () => {
    const user: Record<string, unknown> = { rules: { serverFileExports: 'warning' }, codeLens: false, logLevel: 'debug' };
    const read = (key: string): SettingValue => ({ set: key in user, value: key in user ? user[key] : defaults[key] });
    assert.deepEqual(serverSettings(keys, read), { rules: { serverFileExports: 'warning' }, codeLens: false, logLevel: 'debug' });
  });

  it('never sends keys that are not the server\'s', () => {
    const read = (): SettingValue => ({ set: true, value: 'x' });
    assert.deepEqual(Object.keys(serverSettings(['ignore'], read)), ['ignore']);
  });

  it('maps the manifest\'s keys to the names rscls.json uses', () => {
    const read = (key: string): SettingValue => ({ set: key === 'diagnosticsDelay', value: 50 });
    assert.deepEqual(serverSettings(serverSettingKeys(manifest), read), { diagnosticsDelay: 50 });
  });
});

describe('isSet', () => {
  it('counts every scope a user writes to, and not the default', () => {
    assert.equal(isSet(undefined), false);
    assert.equal(isSet({}), false);
    assert.equal(isSet({ globalValue: false }), true);
    assert.equal(isSet({ workspaceValue: [] }), true);
    assert.equal(isSet({ workspaceFolderValue: 0 }), true);
    assert.equal(isSet({ workspaceLanguageValue: 'debug' }), true);
    assert.equal(isSet({ defaultValue: 200 } as never), false);
  });
});
