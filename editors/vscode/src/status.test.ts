import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseServerStatus, statusView } from './status';

describe('parseServerStatus', () => {
  it('accepts the three states, with or without a message', () => {
    assert.deepEqual(parseServerStatus({ state: 'indexing' }), { state: 'indexing' });
    assert.deepEqual(parseServerStatus({ state: 'ready', message: '120 files' }), { state: 'ready', message: '120 files' });
    assert.deepEqual(parseServerStatus({ state: 'error', message: 'rscls.json: unknown key "x"' }), {
      state: 'error',
      message: 'rscls.json: unknown key "x"',
    });
  });
  it('rejects anything else', () => {
    for (const bad of [undefined, null, 'ready', {}, { state: 'done' }, { state: 3 }]) {
      assert.equal(parseServerStatus(bad), undefined);
    }
    assert.deepEqual(parseServerStatus({ state: 'ready', message: 7 }), { state: 'ready' });
  });
});

describe('statusView', () => {
  it('spins while indexing and starting', () => {
    assert.match(statusView('indexing').text, /~spin/);
    assert.match(statusView('starting').text, /~spin/);
    assert.doesNotMatch(statusView('ready').text, /~spin/);
  });
  it('marks errors and a stopped server', () => {
    assert.equal(statusView('error', 'boom').background, 'error');
    assert.match(statusView('error', 'boom').tooltip, /boom/);
    assert.equal(statusView('stopped').background, 'warning');
    assert.equal(statusView('ready').background, 'none');
  });
  it('tells that a click shows the output', () => {
    assert.match(statusView('ready').tooltip, /output/);
  });
});
