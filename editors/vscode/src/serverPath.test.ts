import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binaryName, expandHome, resolveServerPath, type ResolveInput } from './serverPath';
import * as path from 'node:path';

/** input builds a ResolveInput on a Linux machine whose only files are `files`. */
function input(over: Partial<ResolveInput> & { files?: string[] } = {}): ResolveInput {
  const files = new Set(over.files ?? []);
  return {
    env: {},
    settingPath: undefined,
    trusted: true,
    extensionPath: '/ext',
    platform: 'linux',
    arch: 'x64',
    homedir: '/home/u',
    isFile: (p) => files.has(p),
    ...over,
  };
}

const everywhere = ['/env/rscls', '/setting/rscls', '/ext/bin/linux-x64/rscls', '/usr/bin/rscls'];

describe('resolveServerPath', () => {
  it('prefers RSCLS_PATH over everything else', () => {
    const res = resolveServerPath(input({ env: { RSCLS_PATH: '/env/rscls', PATH: '/usr/bin' }, settingPath: '/setting/rscls', files: everywhere }));
    assert.deepEqual(res, { kind: 'found', path: '/env/rscls', source: 'env', notes: [] });
  });

  it('takes the setting next', () => {
    const res = resolveServerPath(input({ env: { PATH: '/usr/bin' }, settingPath: '/setting/rscls', files: everywhere }));
    assert.equal(res.kind, 'found');
    assert.equal(res.kind === 'found' && res.source, 'setting');
    assert.equal(res.kind === 'found' && res.path, '/setting/rscls');
  });

  it('expands ~ in the setting', () => {
    const res = resolveServerPath(input({ settingPath: '~/go/bin/rscls', files: ['/home/u/go/bin/rscls'] }));
    assert.deepEqual(res, { kind: 'found', path: '/home/u/go/bin/rscls', source: 'setting', notes: [] });
  });

  it('reports a setting that names no file instead of falling back', () => {
    const res = resolveServerPath(input({ env: { PATH: '/usr/bin' }, settingPath: '/nope/rscls', files: everywhere }));
    assert.equal(res.kind, 'invalid');
    assert.equal(res.kind === 'invalid' && res.source, 'setting');
    assert.match(res.kind === 'invalid' ? res.message : '', /rscls\.server\.path.*\/nope\/rscls/);
  });

  it('reports a relative setting', () => {
    const res = resolveServerPath(input({ settingPath: 'bin/rscls', files: ['bin/rscls'] }));
    assert.equal(res.kind, 'invalid');
    assert.match(res.kind === 'invalid' ? res.message : '', /absolute/);
  });

  it('reports an RSCLS_PATH that names no file', () => {
    const res = resolveServerPath(input({ env: { RSCLS_PATH: '/gone' }, files: everywhere }));
    assert.equal(res.kind, 'invalid');
    assert.equal(res.kind === 'invalid' && res.source, 'env');
    assert.match(res.kind === 'invalid' ? res.message : '', /RSCLS_PATH/);
  });

  it('ignores an empty RSCLS_PATH and an empty setting', () => {
    const res = resolveServerPath(input({ env: { RSCLS_PATH: ' ', PATH: '/usr/bin' }, settingPath: '', files: ['/usr/bin/rscls'] }));
    assert.equal(res.kind === 'found' && res.source, 'path');
  });

  it('ignores the setting in an untrusted workspace, and says so', () => {
    const res = resolveServerPath(input({ env: { PATH: '/usr/bin' }, settingPath: '/setting/rscls', trusted: false, files: everywhere }));
    assert.equal(res.kind, 'found');
    assert.equal(res.kind === 'found' && res.source, 'bundled');
    assert.equal(res.notes.length, 1);
    assert.match(res.notes[0], /not trusted/);
  });

  it('still honours RSCLS_PATH in an untrusted workspace', () => {
    // The environment is the user's, not the workspace's.
    const res = resolveServerPath(input({ env: { RSCLS_PATH: '/env/rscls' }, trusted: false, files: everywhere }));
    assert.equal(res.kind === 'found' && res.source, 'env');
  });

  const platforms: [string, string, string][] = [
    ['linux', 'x64', '/ext/bin/linux-x64/rscls'],
    ['linux', 'arm64', '/ext/bin/linux-arm64/rscls'],
    ['darwin', 'x64', '/ext/bin/darwin-x64/rscls'],
    ['darwin', 'arm64', '/ext/bin/darwin-arm64/rscls'],
  ];
  for (const [platform, arch, want] of platforms) {
    it(`finds the bundled binary for ${platform}-${arch}`, () => {
      const all = platforms.map(([, , p]) => p);
      const res = resolveServerPath(input({ platform, arch, files: [...all, '/usr/bin/rscls'], env: { PATH: '/usr/bin' } }));
      assert.deepEqual(res, { kind: 'found', path: want, source: 'bundled', notes: [] });
    });
  }

  it('finds the bundled rscls.exe on win32-x64', () => {
    const want = 'C:\\ext\\bin\\win32-x64\\rscls.exe';
    const res = resolveServerPath(
      input({ platform: 'win32', arch: 'x64', extensionPath: 'C:\\ext', files: [want, 'C:\\ext\\bin\\win32-x64\\rscls'] }),
    );
    assert.deepEqual(res, { kind: 'found', path: want, source: 'bundled', notes: [] });
  });

  it('skips a bundled binary of another platform', () => {
    const res = resolveServerPath(input({ arch: 'arm64', files: ['/ext/bin/linux-x64/rscls'] }));
    assert.equal(res.kind, 'notFound');
  });

  it('looks through PATH in order', () => {
    const res = resolveServerPath(input({ env: { PATH: ':relative:/opt/a:/opt/b' }, files: ['/opt/b/rscls', 'relative/rscls'] }));
    assert.deepEqual(res, { kind: 'found', path: '/opt/b/rscls', source: 'path', notes: [] });
  });

  it('looks for rscls.exe through Path on Windows', () => {
    const res = resolveServerPath(
      input({
        platform: 'win32',
        extensionPath: 'C:\\ext',
        env: { Path: 'C:\\Windows;"C:\\Program Files\\rscls"' },
        files: ['C:\\Program Files\\rscls\\rscls.exe'],
      }),
    );
    assert.deepEqual(res, { kind: 'found', path: 'C:\\Program Files\\rscls\\rscls.exe', source: 'path', notes: [] });
  });

  it('accepts a Windows setting with ~ and backslashes', () => {
    const res = resolveServerPath(
      input({ platform: 'win32', homedir: 'C:\\Users\\u', settingPath: '~\\bin\\rscls.exe', files: ['C:\\Users\\u\\bin\\rscls.exe'] }),
    );
    assert.equal(res.kind === 'found' && res.path, 'C:\\Users\\u\\bin\\rscls.exe');
  });

  it('says what is missing when nothing is found', () => {
    const res = resolveServerPath(input({ platform: 'freebsd', env: { PATH: '/usr/bin' } }));
    assert.equal(res.kind, 'notFound');
    assert.match(res.kind === 'notFound' ? res.message : '', /freebsd-x64.*PATH.*rscls\.server\.path/s);
  });
});

describe('binaryName and expandHome', () => {
  it('names the binary per platform', () => {
    assert.equal(binaryName('win32'), 'rscls.exe');
    assert.equal(binaryName('darwin'), 'rscls');
  });
  it('expands only a leading ~', () => {
    assert.equal(expandHome('~', '/h'), '/h');
    assert.equal(expandHome('~/x', '/h'), '/h/x');
    assert.equal(expandHome('/a/~/x', '/h'), '/a/~/x');
    assert.equal(expandHome('~other/x', '/h'), '~other/x');
    assert.equal(expandHome('~\\x', 'C:\\h', path.win32), 'C:\\h\\x');
  });
});
