// End-to-end test of the VS Code extension as a user gets it: the
// platform-specific .vsix, with the rscls binary built from this
// repository inside, installed into a real VS Code (code-server, VS Code
// served to a browser) and driven by headless Chromium. Everything is
// asserted from the page: status bar, Problems panel, hover, light bulb and
// editor text. A second scenario opens an untrusted workspace whose
// settings name a server of its own, and checks, from the page and from
// marker files on disk, that only the user's rscls.server.path runs.
//
//   npm ci && npm test            (in editors/vscode/e2e; make test-vscode-e2e does the same)
//
// Environment: E2E_ARTIFACTS (screenshots and logs; default ./artifacts),
// CHROMIUM (default /usr/bin/chromium), RSCLS_E2E_SERVER (a program to
// package instead of the rscls built from the repository, to see the test
// fail with a broken server), XDG_CACHE_HOME (where code-server is cached),
// GO (the go command that builds rscls).

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import {
  buildVsix,
  CodeServer,
  e2eDir,
  ensureChromium,
  ensureCodeServer,
  launchBrowser,
  log,
  removeDir,
  repoDir,
  scratchDir,
} from './harness.mjs';
import {
  describeRows,
  editorLine,
  editorLines,
  editorToken,
  filterProblems,
  hoverWidgets,
  markersOf,
  openFile,
  openWorkbench,
  outputView,
  problemRows,
  problemsShown,
  restrictedMode,
  STATUS_ITEM,
  statusItem,
  waitUntil,
} from './workbench.mjs';

const FIXTURE = path.join(repoDir, 'testdata', 'example');
const ATTEMPTS = 2; // the scenario, and at most one retry of all of it

const USE_STATE_MESSAGE =
  "You're importing a module that depends on `useState` into a React Server Component module. This API is only available in Client Components.";
const HOVER_TEXT = '"use client": this module is a Client Component boundary.';
const MOVE_DIRECTIVE_FIX = 'Move the directive to the top of the file';
const RESTRICTED_STATUS = 'Restricted Mode: Some features are disabled because this folder is not trusted.';
const RESTRICTED_BANNER = 'Restricted Mode is intended for safe code browsing. Trust this folder to enable all features.';
const UNTRUSTED_SETTING = 'This setting can only be applied in a trusted workspace.';

const ARTIFACTS = path.resolve(process.env.E2E_ARTIFACTS || path.join(e2eDir, 'artifacts'));

/** What both scenarios share: the browser, code-server, a scratch folder and the .vsix, built once. */
const shared = {};

before(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  log(`screenshots and logs: ${ARTIFACTS}`);
  shared.chromiumExe = ensureChromium();
  shared.codeServerExe = ensureCodeServer();
  shared.scratch = scratchDir('rscls-vscode-e2e-');
  shared.vsix = buildVsix(shared.scratch);
  log(`packaged ${shared.vsix}`);
}, { timeout: 30 * 60_000 });

after(() => {
  if (shared.scratch !== undefined) {
    removeDir(shared.scratch);
  }
  log(`screenshots and logs: ${ARTIFACTS}`);
});

test('the packaged extension in code-server: status, diagnostics, hover, quick fix, cross-file update', { timeout: 10 * 60_000 }, async () => {
  await withRetry('the scenario', { artifacts: ARTIFACTS, scratch: shared.scratch, run: scenario });
});

test('an untrusted workspace cannot choose the server binary: Restricted Mode runs the user\'s rscls.server.path', { timeout: 10 * 60_000 }, async () => {
  await withRetry('the untrusted-workspace scenario', {
    artifacts: path.join(ARTIFACTS, 'untrusted-workspace'),
    scratch: path.join(shared.scratch, 'untrusted-workspace'),
    run: untrustedScenario,
  });
});

/**
 * withRetry runs a scenario, and all of it once more if it fails, each
 * attempt with its own folder of screenshots and logs (artifacts/attempt-N)
 * and of scratch files (scratch/attempt-N).
 */
async function withRetry(what, { artifacts, scratch, run }) {
  mkdirSync(artifacts, { recursive: true });
  const failures = [];
  // No screenshots of an older run may be taken for this one's.
  for (let i = 1; i <= ATTEMPTS; i++) {
    rmSync(path.join(artifacts, `attempt-${i}`), { recursive: true, force: true });
  }
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const dir = path.join(artifacts, `attempt-${attempt}`);
    mkdirSync(dir, { recursive: true });
    try {
      await run({ attempt, dir, vsix: shared.vsix, chromiumExe: shared.chromiumExe, codeServerExe: shared.codeServerExe, root: path.join(scratch, `attempt-${attempt}`) });
      log(`attempt ${attempt} passed; screenshots in ${dir}`);
      if (attempt > 1) {
        log(`WARNING: passed only on the retry; attempt 1 failed with: ${failures[0] instanceof Error ? failures[0].message : failures[0]}`);
      }
      return;
    } catch (err) {
      failures.push(err);
      log(`attempt ${attempt} FAILED (screenshots and logs in ${dir}):\n${err instanceof Error ? err.stack : err}`);
      printTail(path.join(dir, 'rscls-output.log'), 'the rscls output channel');
      if (attempt < ATTEMPTS) {
        log(`retrying the whole of ${what} once`);
      }
    }
  }
  const last = failures[failures.length - 1];
  throw new Error(`${what} failed ${failures.length} times; screenshots and logs in ${artifacts}. Last failure: ${last instanceof Error ? last.message : last}`);
}

async function scenario({ attempt, dir, vsix, chromiumExe, codeServerExe, root }) {
  mkdirSync(root, { recursive: true });
  const server = new CodeServer({ exe: codeServerExe, vsix, fixture: FIXTURE, root });
  let browser;
  let page;
  const consoleLines = [];
  let shot = 0;
  const screenshot = async (name) => {
    shot++;
    const file = path.join(dir, `${String(shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    log(`  screenshot ${path.basename(file)}`);
  };
  const step = (what) => log(`attempt ${attempt}: ${what}`);

  try {
    server.install();
    const url = await server.start();
    browser = await launchBrowser(chromiumExe, path.join(root, 'chromium-profile'));
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

    step('the workbench loads');
    await openWorkbench(page, url);
    await screenshot('workbench');

    // 1. Opening a .tsx file activates the extension, which starts the
    //    bundled server; the status bar item turns to a check mark.
    step('open components/like-button.tsx; the status bar item shows rscls ready');
    await openFile(page, 'components/like-button.tsx', firstLine('components/like-button.tsx'));
    let stoppedSince;
    await waitUntil('the rscls status bar item to show ready ($(check) rscls)', async () => {
      const s = await statusItem(page);
      if (s === undefined) {
        return { ok: false, seen: 'no rscls status bar item (the extension did not activate)' };
      }
      const seen = `${s.icon} "${s.text}" ${JSON.stringify(s.label)}`;
      // vscode-languageclient restarts a crashing server a few times and
      // then gives up; a server stopped for 20 s is not coming back.
      stoppedSince = s.icon === 'codicon-circle-slash' ? (stoppedSince ?? Date.now()) : undefined;
      if (stoppedSince !== undefined && Date.now() - stoppedSince > 20_000) {
        return { ok: false, fail: `the rscls status bar item has shown the server stopped for 20 s: ${seen}` };
      }
      return { ok: s.icon === 'codicon-check' && s.text === 'rscls' && s.label.includes('rscls is ready'), seen };
    }, 90_000);
    await screenshot('status-ready');

    // Clicking the item shows the rscls output, which says which binary runs.
    step('the status bar item opens the rscls output, which names the bundled binary');
    await page.locator(`${STATUS_ITEM} a`).click();
    const outputFilter = page.locator('.part.panel .output-view-filter input, .part.panel input[placeholder="Filter"]').first();
    await outputFilter.waitFor({ state: 'visible', timeout: 15_000 });
    await outputFilter.fill('bundled with the extension');
    const started = await waitUntil('the rscls output to say "Starting …/bin/linux-…/rscls (bundled with the extension)"', async () => {
      const channel = await page.locator('.part.panel textarea[aria-label="rscls - Output"]').count();
      // The output wraps long lines: compare with the whitespace collapsed.
      const text = (await page.locator('.part.panel .output-view .view-lines').first().innerText()).replace(/\s+/g, ' ');
      const m = /Starting (\S+\/bin\/linux-\w+\/rscls) \(bundled with the extension\)/.exec(text);
      return { ok: channel === 1 && m !== null && m[1].startsWith(server.installedDir), value: m?.[0], seen: `channel rscls shown: ${channel === 1}; text: ${JSON.stringify(text.slice(0, 400))}` };
    });
    log(`  output: ${started.trim()}`);
    await screenshot('output-bundled-binary');
    await outputFilter.fill('');

    // 2. The cross-file diagnostic: like-button.tsx uses useState and is
    //    imported by components/post.tsx, which app/page.tsx (a Server
    //    Component) imports.
    step('the Problems panel lists clientApiInServer in components/like-button.tsx at line 1, with the import chain');
    await filterProblems(page, 'clientApiInServer');
    const marker = await waitUntil('the clientApiInServer problem of components/like-button.tsx in the Problems panel', async () => {
      const rows = await problemRows(page);
      const m = markersOf(rows, 'components/like-button.tsx').find((r) => r.label.includes(USE_STATE_MESSAGE));
      return { ok: m !== undefined, value: m, seen: describeRows(rows) };
    }, 60_000);
    assert.match(marker.label, /^Error: You're importing a module that depends on `useState`/, 'severity and message');
    assert.match(marker.label, / at line 1 and character 10\./, 'position (the useState import on line 1)');
    assert.match(marker.label, /generated by rscls$/, 'source');
    assert.match(marker.text, /rscls ⏐ clientApiInServer/, 'source and rule as shown');
    assert.match(marker.text, /\[Ln 1, Col 10\]/, 'line and column as shown');
    const related = marker.related.map((r) => r.label);
    assert.ok(related.some((l) => l.startsWith('imports components/post.tsx') && l.endsWith('in page.tsx')), `related: app/page.tsx imports post.tsx (${related.join(' | ')})`);
    assert.ok(related.some((l) => l.startsWith('imports components/like-button.tsx') && l.endsWith('in post.tsx')), `related: post.tsx imports like-button.tsx (${related.join(' | ')})`);
    await screenshot('problems-clientApiInServer');
    // The editor shows it on the useState of line 1.
    const useState = editorLine(page, "import { useState } from 'react'").locator('span span').filter({ hasText: /^useState$/ }).first();
    await waitUntil('the problem in the hover of useState on line 1', async () => {
      await useState.hover();
      const widgets = await hoverWidgets(page);
      return { ok: widgets.some((w) => w.text.includes(USE_STATE_MESSAGE) && /rscls\W*clientApiInServer/.test(w.text)), seen: widgets.map((w) => JSON.stringify(w.text)).join(' | ') || '(no hover)' };
    }, 30_000);
    await screenshot('editor-hover-problem');
    await page.mouse.move(5, 500);
    await page.keyboard.press('Escape');

    // 3. Hover on the 'use client' of another file.
    step("hover the 'use client' of components/user-menu.tsx");
    await openFile(page, 'components/user-menu.tsx', firstLine('components/user-menu.tsx'));
    const directive = editorToken(page, "'use client'");
    await directive.waitFor({ timeout: 15_000 });
    const hover = await waitUntil('the rscls hover on the directive', async () => {
      await directive.hover();
      const widgets = await hoverWidgets(page);
      const ours = widgets.find((w) => w.text.includes(HOVER_TEXT));
      return { ok: ours !== undefined, value: ours, seen: widgets.map((w) => JSON.stringify(w.text.slice(0, 200))).join(' | ') || '(no hover)' };
    }, 30_000);
    assert.match(hover.html, /<strong>"use client"<\/strong>/, 'the hover is rendered from markdown (bold directive)');
    assert.ok(!hover.text.includes('**'), 'no raw markdown in the hover');
    assert.ok(hover.text.includes('https://nextjs.org/docs/app/api-reference/directives/use-client'), 'the hover links the Next.js docs');
    await screenshot('hover-use-client');
    await page.mouse.move(5, 500);
    await page.keyboard.press('Escape');

    // 4. The quick fix from the light bulb: sidebar.tsx has 'use client'
    //    on line 2, after an import.
    step("light bulb on the misplaced 'use client' of components/sidebar.tsx; apply the quick fix");
    await openFile(page, 'components/sidebar.tsx', firstLine('components/sidebar.tsx'));
    assert.deepEqual((await editorLines(page)).slice(0, 2), ["import { useEffect } from 'react'", "'use client'"], 'sidebar.tsx as in the fixture');
    await filterProblems(page, 'misplacedDirective');
    await waitUntil('the misplacedDirective problem of components/sidebar.tsx', async () => {
      const rows = await problemRows(page);
      return { ok: markersOf(rows, 'components/sidebar.tsx').some((r) => / at line 2 and character 1\..*generated by rscls$/.test(r.label)), seen: describeRows(rows) };
    }, 60_000);
    await editorToken(page, "'use client'").click();
    const bulb = page.locator('.part.editor .editor-instance .lightBulbWidget');
    await bulb.waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot('light-bulb');
    await bulb.click();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: MOVE_DIRECTIVE_FIX }).first();
    await fix.waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot('quick-fix-menu');
    // The menu takes the keyboard (a pointer block covers it until the
    // mouse moves): select the fix with the arrow keys, apply it with Enter.
    await waitUntil(`"${MOVE_DIRECTIVE_FIX}" to be selected in the menu`, async () => {
      const focused = (await page.locator('.action-widget .monaco-list-row.focused').getAttribute('aria-label', { timeout: 1000 })) ?? '';
      if (focused !== MOVE_DIRECTIVE_FIX) {
        await page.keyboard.press('ArrowDown');
      }
      return { ok: focused === MOVE_DIRECTIVE_FIX, seen: focused };
    }, 10_000);
    await page.keyboard.press('Enter');
    await waitUntil("sidebar.tsx to start with 'use client' after the fix", async () => {
      const lines = await editorLines(page);
      return { ok: lines[0] === "'use client'" && lines.includes("import { useEffect } from 'react'") && lines.filter((l) => l.includes("'use client'")).length === 1, seen: lines.join('⏎') };
    });
    await waitUntil('the misplacedDirective problem of sidebar.tsx to go away', async () => {
      const shown = await problemsShown(page);
      return { ok: shown.ok && markersOf(shown.rows, 'components/sidebar.tsx').length === 0, seen: shown.seen };
    }, 60_000);
    await screenshot('quick-fix-applied');

    // 5. Editing the importer clears the diagnostic in the other file,
    //    before anything is saved.
    step('remove LikeButton from components/post.tsx (unsaved); the problem of like-button.tsx goes away');
    await openFile(page, 'components/post.tsx', firstLine('components/post.tsx'));
    // The problem is listed before the edit, so that its going away is the
    // edit's doing and not a panel that has not caught up with its filter.
    await filterProblems(page, 'clientApiInServer');
    await waitUntil('the clientApiInServer problem of like-button.tsx before the edit', async () => {
      const rows = await problemRows(page);
      return { ok: markersOf(rows, 'components/like-button.tsx').some((r) => r.label.includes(USE_STATE_MESSAGE)), seen: describeRows(rows) };
    }, 30_000);
    await editorLine(page, "import { LikeButton } from './like-button'").click();
    await page.keyboard.press('Control+Shift+K');
    await waitUntil('the LikeButton import to be deleted', async () => {
      const lines = await editorLines(page);
      return { ok: !lines.some((l) => l.includes('./like-button')), seen: lines.join('⏎') };
    });
    await editorLine(page, '<LikeButton />').click();
    await page.keyboard.press('Control+Shift+K');
    await waitUntil('the <LikeButton /> element to be deleted', async () => {
      const lines = await editorLines(page);
      return { ok: !lines.some((l) => l.includes('LikeButton')), seen: lines.join('⏎') };
    });
    await page.locator('.tab.active.dirty[aria-label*="post.tsx"]').waitFor({ timeout: 10_000 });
    await screenshot('importer-edited');
    const cleared = await waitUntil('the clientApiInServer problem of like-button.tsx to go away', async () => {
      const shown = await problemsShown(page);
      return { ok: shown.ok && !markersOf(shown.rows, 'components/like-button.tsx').some((r) => r.label.includes(USE_STATE_MESSAGE)), value: shown.seen, seen: shown.seen };
    }, 60_000);
    log(`  Problems panel: ${cleared}`);
    await screenshot('diagnostic-cleared');
    // The server still runs and still reports the other files.
    await filterProblems(page, 'serverOnlyInClient');
    // Reported where Next.js reports it: at lib/session.ts's import of next/headers.
    await waitUntil('the serverOnlyInClient problem of lib/session.ts to stay', async () => {
      const rows = await problemRows(page);
      return { ok: markersOf(rows, 'lib/session.ts').some((r) => / at line 1 and character 25\..*generated by rscls$/.test(r.label)), seen: describeRows(rows) };
    }, 30_000);

    // Undoing the edit brings the problem back.
    step('undo the edit of post.tsx; the problem of like-button.tsx comes back');
    await editorLine(page, '<article>').click();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await waitUntil('post.tsx to import LikeButton again', async () => {
      const lines = await editorLines(page);
      return { ok: lines[0] === "import { LikeButton } from './like-button'" && lines.some((l) => l.includes('<LikeButton />')), seen: lines.join('⏎') };
    });
    await filterProblems(page, 'clientApiInServer');
    await waitUntil('the clientApiInServer problem of like-button.tsx to come back', async () => {
      const rows = await problemRows(page);
      return { ok: markersOf(rows, 'components/like-button.tsx').some((r) => r.label.includes(USE_STATE_MESSAGE)), seen: describeRows(rows) };
    }, 60_000);
    await screenshot('diagnostic-back');
  } catch (err) {
    if (page) {
      await page.screenshot({ path: path.join(dir, 'failure.png') }).catch(() => {});
    }
    throw err;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    server.copyLogs(dir);
    writeFileSync(path.join(dir, 'browser-console.log'), consoleLines.join('\n') + '\n');
  }
}

/**
 * untrustedScenario opens, in Restricted Mode, a workspace whose
 * .vscode/settings.json names its own server (a script that leaves a
 * marker file and exits 1), while the user's settings name a wrapper (that
 * leaves another marker and runs the bundled rscls). Only the user's
 * wrapper may run: checked from the page (Restricted Mode, the status bar
 * item, the rscls output, a cross-file problem, VS Code's verdict on the
 * workspace setting) and from the disk (the two markers).
 */
async function untrustedScenario({ attempt, dir, vsix, chromiumExe, codeServerExe, root }) {
  mkdirSync(root, { recursive: true });
  const markers = path.join(root, 'markers');
  mkdirSync(markers);
  const userMarker = path.join(markers, 'user-server-ran');
  const workspaceMarker = path.join(markers, 'workspace-server-ran');
  // The user's own server lives outside the workspace.
  const userServer = path.join(root, 'home', 'bin', 'rscls-wrapper');
  const server = new CodeServer({
    exe: codeServerExe,
    vsix,
    fixture: FIXTURE,
    root,
    trust: 'untrusted',
    machineSettings: { 'rscls.server.path': userServer },
  });
  const workspaceServer = path.join(server.workspace, 'tools', 'rscls');
  const workspaceServerNeverRan = (when) => {
    if (existsSync(workspaceMarker)) {
      throw new Error(`the workspace's server ${workspaceServer} ran (${when}); ${workspaceMarker}: ${readFileSync(workspaceMarker, 'utf8').trim()}`);
    }
  };
  let browser;
  let page;
  const consoleLines = [];
  let shot = 0;
  const screenshot = async (name) => {
    shot++;
    const file = path.join(dir, `${String(shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    log(`  screenshot ${path.basename(file)}`);
  };
  const step = (what) => log(`attempt ${attempt} (untrusted workspace): ${what}`);

  try {
    server.install();
    writeScript(userServer, [`echo "$$ $*" >> ${shQuote(userMarker)}`, `exec ${shQuote(server.bundledServer)} "$@"`]);
    writeScript(workspaceServer, [`echo "$$ $*" >> ${shQuote(workspaceMarker)}`, 'exit 1']);
    mkdirSync(path.join(server.workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(server.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'rscls.server.path': workspaceServer }, null, 2) + '\n');
    const url = await server.start();
    browser = await launchBrowser(chromiumExe, path.join(root, 'chromium-profile'));
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

    // 1. The folder is not trusted: VS Code says so in the status bar and
    //    in the banner.
    step('the workbench loads in Restricted Mode');
    await openWorkbench(page, url);
    await waitUntil('VS Code to show Restricted Mode (status bar item and banner)', async () => {
      const shown = await restrictedMode(page);
      return { ok: shown.status === RESTRICTED_STATUS && shown.banner.includes(RESTRICTED_BANNER), seen: JSON.stringify(shown) };
    }, 30_000);
    await screenshot('restricted-mode');

    // 2. The extension runs in Restricted Mode and its server starts.
    step('open components/like-button.tsx; the status bar item shows rscls ready');
    await openFile(page, 'components/like-button.tsx', firstLine('components/like-button.tsx'));
    let stoppedSince;
    await waitUntil('the rscls status bar item to show ready ($(check) rscls)', async () => {
      const s = await statusItem(page);
      if (s === undefined) {
        return { ok: false, seen: 'no rscls status bar item (the extension did not activate)' };
      }
      const seen = `${s.icon} "${s.text}" ${JSON.stringify(s.label)}`;
      stoppedSince = s.icon === 'codicon-circle-slash' ? (stoppedSince ?? Date.now()) : undefined;
      if (stoppedSince !== undefined && Date.now() - stoppedSince > 20_000) {
        return { ok: false, fail: `the rscls status bar item has shown the server stopped for 20 s: ${seen}` };
      }
      if (existsSync(workspaceMarker)) {
        return { ok: false, fail: `the workspace's server ran: ${readFileSync(workspaceMarker, 'utf8').trim()}` };
      }
      return { ok: s.icon === 'codicon-check' && s.text === 'rscls' && s.label.includes('rscls is ready'), seen };
    }, 90_000);
    assert.equal((await restrictedMode(page)).status, RESTRICTED_STATUS, 'still in Restricted Mode');
    assert.ok(existsSync(userMarker), `the user's wrapper ${userServer} did not run: no ${userMarker}`);
    log(`  ${userMarker}: ${readFileSync(userMarker, 'utf8').trim()}`);
    workspaceServerNeverRan('when the server was ready');
    await screenshot('status-ready');

    // 3. The output says which binary runs: the user's wrapper, from the
    //    user settings, and never the workspace's script.
    step("the rscls output names the user's wrapper as the binary");
    await page.locator(`${STATUS_ITEM} a`).click();
    const outputFilter = page.locator('.part.panel .output-view-filter input, .part.panel input[placeholder="Filter"]').first();
    await outputFilter.waitFor({ state: 'visible', timeout: 15_000 });
    await outputFilter.fill('rscls.server.path');
    // Compared without whitespace, in case the view wraps inside a path.
    const wantStart = `Starting ${userServer} (from rscls.server.path in the user settings)`;
    const output = await waitUntil(`the rscls output to say "${wantStart}"`, async () => {
      const shown = await outputView(page);
      const bare = shown.text.replace(/\s+/g, '');
      return { ok: shown.channel === 'rscls' && bare.includes(wantStart.replace(/\s+/g, '')), value: shown.text, seen: `channel ${JSON.stringify(shown.channel)}; text: ${JSON.stringify(shown.text.slice(0, 600))}` };
    });
    const bare = output.replace(/\s+/g, '');
    assert.ok(!bare.includes(`Starting${workspaceServer}`), `the output says the workspace's server was started: ${output}`);
    assert.ok(!bare.includes('(fromrscls.server.pathintheworkspacesettings)'), `the output says a binary came from the workspace settings: ${output}`);
    // In Restricted Mode VS Code gives an extension no workspace value of a
    // restricted setting (nor, anywhere, of a machine-scoped one), so the
    // extension's note on an ignored workspace value has nothing to report
    // here. Should it ever report one, it must say that it was ignored.
    const mentions = output.split("The workspace's rscls.server.path").length - 1;
    const notes = output.match(/The workspace's rscls\.server\.path \("[^"]*"\) is ignored because the workspace is not trusted\./g) ?? [];
    assert.equal(notes.length, mentions, `the output mentions the workspace's rscls.server.path without saying it was ignored: ${output}`);
    log(`  output: ${wantStart}${notes.length > 0 ? `; ${notes.join(' ')}` : ' (no note on a workspace value)'}`);
    await screenshot('output-user-server');
    await outputFilter.fill('');

    // 4. The server really runs: the cross-file problem of like-button.tsx.
    step('the Problems panel lists clientApiInServer in components/like-button.tsx');
    await filterProblems(page, 'clientApiInServer');
    const marker = await waitUntil('the clientApiInServer problem of components/like-button.tsx in the Problems panel', async () => {
      const rows = await problemRows(page);
      const m = markersOf(rows, 'components/like-button.tsx').find((r) => r.label.includes(USE_STATE_MESSAGE));
      return { ok: m !== undefined, value: m, seen: describeRows(rows) };
    }, 60_000);
    assert.match(marker.label, / at line 1 and character 10\..*generated by rscls$/, 'position and source');
    const related = marker.related.map((r) => r.label);
    assert.ok(related.some((l) => l.startsWith('imports components/post.tsx') && l.endsWith('in page.tsx')), `related: app/page.tsx imports post.tsx (${related.join(' | ')})`);
    workspaceServerNeverRan('when the problem was listed');
    // The screenshot shows the filtered panel, not the list before the filter applied.
    await waitUntil('the Problems panel to show the filtered problems', async () => {
      const shown = await problemsShown(page);
      return { ok: shown.ok && markersOf(shown.rows, 'components/like-button.tsx').some((r) => r.label.includes(USE_STATE_MESSAGE)), seen: shown.seen };
    }, 30_000);
    await screenshot('problems-clientApiInServer');

    // 5. VS Code's own verdict on the workspace's setting, in the Problems
    //    panel once the settings file is open: not applied, as the folder
    //    is not trusted.
    step("open .vscode/settings.json; VS Code marks the workspace's rscls.server.path as needing trust");
    await openFile(page, '.vscode/settings.json', '{');
    await filterProblems(page, 'trusted workspace');
    await waitUntil(`"${UNTRUSTED_SETTING}" on rscls.server.path in .vscode/settings.json`, async () => {
      const rows = await problemRows(page);
      return { ok: markersOf(rows, '.vscode/settings.json').some((r) => r.label.includes(UNTRUSTED_SETTING) && / at line 2 and character 3\./.test(r.label)), seen: describeRows(rows) };
    }, 30_000);
    workspaceServerNeverRan('at the end of the scenario');
    await screenshot('workspace-setting-not-applied');
  } catch (err) {
    if (page) {
      await page.screenshot({ path: path.join(dir, 'failure.png') }).catch(() => {});
    }
    throw err;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    server.copyLogs(dir);
    writeFileSync(path.join(dir, 'browser-console.log'), consoleLines.join('\n') + '\n');
    for (const file of [userMarker, workspaceMarker]) {
      if (existsSync(file)) {
        cpSync(file, path.join(dir, path.basename(file)));
      }
    }
  }
  workspaceServerNeverRan('once code-server had stopped');
}

/** writeScript writes an executable shell script, making its folder. */
function writeScript(file, lines) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, ['#!/bin/sh', ...lines, ''].join('\n'), { mode: 0o755 });
}

/** shQuote quotes a string for the shell. */
function shQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** printTail prints the end of a log file the scenario left, to show why it failed without opening it. */
function printTail(file, what) {
  if (!existsSync(file)) {
    log(`(no ${what} log: ${path.basename(file)} was not written)`);
    return;
  }
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  log(`last ${Math.min(lines.length, 40)} of ${lines.length} lines of ${what} (${file}):`);
  console.log(lines.slice(-40).map((l) => `    ${l}`).join('\n'));
}

/** firstLine is the first line of a fixture file, as the editor shows it once the file is open. */
function firstLine(rel) {
  return readFileSync(path.join(FIXTURE, rel), 'utf8').split('\n')[0];
}
