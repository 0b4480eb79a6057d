import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binaryName, expandHome, resolveServerPath, settingPaths, type PathInspection, type ResolveInput } from './serverPath';
import * as path from 'node:path';

/** input builds a ResolveInput on a Linux machine whose only files are `files`. */
function input(over: Partial<ResolveInput> & { files?: string[] } = {}): ResolveInput {
  const files = new Set(over.files ?? []);
  return {
    env: {},
    userSettingPath: undefined,
    workspaceSettingPath: undefined,
    trusted: true,
    extensionPath: '/ext',
    platform: 'linux',
    arch: 'x64',
    homedir: '/home/u',
    isFile: (p) => files.has(p),
    ...over,
  };
}

const everywhere = ['/env/rscls', '/setting/rscls', '/workspace/rscls', '/ext/bin/linux-x64/rscls', '/usr/bin/rscls'];

describe('resolveServerPath', () => {
  it('prefers RSCLS_PATH over everything else', () => {
    const res = resolveServerPath(
      input({ env: { RSCLS_PATH: '/env/rscls', PATH: '/usr/bin' }, userSettingPath: '/setting/rscls', workspaceSettingPath: '/workspace/rscls', files: everywhere }),
    );
    assert.deepEqual(res, { kind: 'found', path: '/env/rscls', source: 'env', notes: [] });
  });

  it('takes the user setting next', () => {
    const res = resolveServerPath(input({ env: { PATH: '/usr/bin' }, userSettingPath: '/setting/rscls', files: everywhere }));
    assert.deepEqual(res, { kind: 'found', path: '/setting/rscls', source: 'userSetting', notes: [] });
  });

  it("prefers a trusted workspace's setting over the user's", () => {
    const res = resolveServerPath(
      input({ env: { PATH: '/usr/bin' }, userSettingPath: '/setting/rscls', workspaceSettingPath: '/workspace/rscls', files: everywhere }),
    );
    assert.deepEqual(res, { kind: 'found', path: '/workspace/rscls', source: 'workspaceSetting', notes: [] });
  });

  it('expands ~ in the setting', () => {
    const res = resolveServerPath(input({ userSettingPath: '~/go/bin/rscls', files: ['/home/u/go/bin/rscls'] }));
    assert.deepEqual(res, { kind: 'found', path: '/home/u/go/bin/rscls', source: 'userSetting', notes: [] });
  });

  it('reports a setting that names no file instead of falling back', () => {
    const res = resolveServerPath(input({ env: { PATH: '/usr/bin' }, userSettingPath: '/nope/rscls', files: everywhere }));
    assert.equal(res.kind, 'invalid');
    assert.equal(res.kind === 'invalid' && res.source, 'userSetting');
    assert.match(res.kind === 'invalid' ? res.message : '', /rscls\.server\.path.*\/nope\/rscls/);
  });

  it("reports a trusted workspace's setting that names no file", () => {
    const res = resolveServerPath(input({ userSettingPath: '/setting/rscls', workspaceSettingPath: '/nope/rscls', files: everywhere }));
    assert.equal(res.kind, 'invalid');
    assert.equal(res.kind === 'invalid' && res.source, 'workspaceSetting');
    assert.match(res.kind === 'invalid' ? res.message : '', /rscls\.server\.path setting of the workspace.*\/nope\/rscls/);
  });

  it('reports a relative setting', () => {
    const res = resolveServerPath(input({ userSettingPath: 'bin/rscls', files: ['bin/rscls'] }));
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
    const res = resolveServerPath(input({ env: { RSCLS_PATH: ' ', PATH: '/usr/bin' }, userSettingPath: '', files: ['/usr/bin/rscls'] }));
    assert.equal(res.kind === 'found' && res.source, 'path');
  });

  describe('in an untrusted workspace', () => {
    it("ignores the workspace's setting, and says so", () => {
      const res = resolveServerPath(input({ env: { PATH: '/usr/bin' }, workspaceSettingPath: '/workspace/rscls', trusted: false, files: everywhere }));
      assert.equal(res.kind, 'found');
      assert.equal(res.kind === 'found' && res.source, 'bundled');
      assert.deepEqual(res.notes, [`The workspace's rscls.server.path ("/workspace/rscls") is ignored because the workspace is not trusted.`]);
    });

    it("runs the user's setting instead of the workspace's", () => {
      const res = resolveServerPath(
        input({ env: { PATH: '/usr/bin' }, userSettingPath: '/setting/rscls', workspaceSettingPath: '/workspace/rscls', trusted: false, files: everywhere }),
      );
      assert.equal(res.kind, 'found');
      assert.equal(res.kind === 'found' && res.path, '/setting/rscls');
      assert.equal(res.kind === 'found' && res.source, 'userSetting');
      assert.equal(res.notes.length, 1);
      assert.match(res.notes[0], /workspace's rscls\.server\.path.*\/workspace\/rscls.*not trusted/);
    });

    it("runs the user's setting without a note when the workspace sets none", () => {
      const res = resolveServerPath(input({ env: { PATH: '/usr/bin' }, userSettingPath: '~/bin/rscls', trusted: false, files: ['/home/u/bin/rscls', ...everywhere] }));
      assert.deepEqual(res, { kind: 'found', path: '/home/u/bin/rscls', source: 'userSetting', notes: [] });
    });

    it("reports the user's setting that names no file rather than falling back", () => {
      const res = resolveServerPath(input({ userSettingPath: '/nope/rscls', trusted: false, files: everywhere }));
      assert.equal(res.kind === 'invalid' && res.source, 'userSetting');
    });

    it("never reports on the workspace's setting, even one that names no file", () => {
      // What the workspace wrote is not checked at all: no error, no fallback from it.
      for (const value of ['/nope/rscls', 'relative/rscls', '~/rscls']) {
        const res = resolveServerPath(input({ workspaceSettingPath: value, trusted: false, files: everywhere }));
        assert.equal(res.kind === 'found' && res.source, 'bundled', value);
      }
    });

    it('still honours RSCLS_PATH', () => {
      // The environment is the user's, not the workspace's.
      const res = resolveServerPath(input({ env: { RSCLS_PATH: '/env/rscls' }, workspaceSettingPath: '/workspace/rscls', trusted: false, files: everywhere }));
      assert.equal(res.kind === 'found' && res.source, 'env');
    });
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
      input({ platform: 'win32', homedir: 'C:\\Users\\u', userSettingPath: '~\\bin\\rscls.exe', files: ['C:\\Users\\u\\bin\\rscls.exe'] }),
    );
    assert.equal(res.kind === 'found' && res.path, 'C:\\Users\\u\\bin\\rscls.exe');
  });

  it('says what is missing when nothing is found', () => {
    const res = resolveServerPath(input({ platform: 'freebsd', env: { PATH: '/usr/bin' } }));
    assert.equal(res.kind, 'notFound');
    assert.match(res.kind === 'notFound' ? res.message : '', /freebsd-x64.*PATH.*rscls\.server\.path/s);
  });
});

describe('settingPaths', () => {
  it("splits the user's value from the workspace's", () => {
    assert.deepEqual(settingPaths({ globalValue: '/u/rscls', workspaceValue: '/w/rscls' }), {
      userSettingPath: '/u/rscls',
      workspaceSettingPath: '/w/rscls',
    });
  });

  it('takes a workspace folder value as the workspace\'s', () => {
    assert.deepEqual(settingPaths({ globalValue: '/u/rscls' }, [undefined, { globalValue: '/u/rscls', workspaceFolderValue: '/f/rscls' }]), {
      userSettingPath: '/u/rscls',
      workspaceSettingPath: '/f/rscls',
    });
    assert.equal(settingPaths({ workspaceValue: '/w/rscls' }, [{ workspaceFolderValue: '/f/rscls' }]).workspaceSettingPath, '/w/rscls');
  });

  it('treats empty and non-string values as unset', () => {
    assert.deepEqual(settingPaths({ globalValue: '  ', workspaceValue: 42, workspaceFolderValue: null }, [{ workspaceFolderValue: ['/x'] }]), {
      userSettingPath: undefined,
      workspaceSettingPath: undefined,
    });
    assert.deepEqual(settingPaths(undefined), { userSettingPath: undefined, workspaceSettingPath: undefined });
  });

  it('ignores the default value', () => {
    const inspection: PathInspection & { defaultValue?: string } = { defaultValue: '/default/rscls' };
    assert.deepEqual(settingPaths(inspection), { userSettingPath: undefined, workspaceSettingPath: undefined });
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
