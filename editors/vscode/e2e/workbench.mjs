// Reading and driving the VS Code workbench through its DOM. Every wait
// polls the page for a selector or a text, with a deadline, and says what
// it last saw when it times out.

import { delay } from './harness.mjs';

/** The rscls status bar item: the extension's id, then the item's id. */
export const STATUS_ITEM = '[id="rscls.rscls.rscls.status"]';

/** The text editor of the active editor group. */
const ACTIVE_EDITOR = '.part.editor .editor-group-container.active .editor-instance .monaco-editor';

/**
 * waitUntil calls probe until it returns { ok: true, value }, and returns
 * value. probe also says what it sees ({ ok: false, seen }), which goes into
 * the error when the deadline passes, or that waiting is pointless
 * ({ ok: false, fail: reason }). A probe that throws is retried.
 */
export async function waitUntil(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = '(nothing yet)';
  for (;;) {
    let res;
    try {
      res = await probe();
    } catch (err) {
      res = { ok: false, seen: `error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
    }
    if (res.ok) {
      return res.value;
    }
    if (res.fail !== undefined) {
      throw new Error(`${res.fail} (while waiting for ${what})`);
    }
    if (res.seen !== undefined) {
      seen = res.seen;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}; last seen: ${seen}`);
    }
    await delay(250);
  }
}

/** openWorkbench loads code-server and waits for the workbench. */
export async function openWorkbench(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 90_000 });
  await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 30_000 });
  // The explorer shows the workspace once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/**
 * openFile opens a workspace file with Quick Open (Ctrl+P) and waits until
 * the editor shows it, its first line being firstLine.
 */
export async function openFile(page, rel, firstLine) {
  const base = rel.split('/').pop();
  const dir = rel.split('/').slice(0, -1).join('/');
  await page.mouse.move(5, 500);
  await page.keyboard.press('Control+p');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(rel);
  // The first result must be the file itself before Enter opens it.
  const first = page.locator('.quick-input-list .monaco-list-row[data-index="0"]');
  await waitUntil(`Quick Open to list ${rel} first`, async () => {
    const label = (await first.getAttribute('aria-label', { timeout: 1000 })) ?? '';
    return { ok: label.includes(base) && label.includes(dir), seen: label };
  }, 30_000);
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${base}"]`).waitFor({ timeout: 30_000 });
  await waitUntil(`the editor to show ${rel}`, async () => {
    const lines = await editorLines(page);
    return { ok: lines[0] === firstLine, seen: lines.join('⏎') };
  });
}

/** editorLines returns the text of the active editor's rendered lines, top to bottom. */
export async function editorLines(page) {
  return page.locator(`${ACTIVE_EDITOR} .view-lines`).first().evaluate((el) =>
    [...el.querySelectorAll('.view-line')]
      .map((l) => ({ top: parseFloat(l.style.top) || 0, text: l.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
}

/** editorLine is the rendered line of the active editor that contains text. */
export function editorLine(page, text) {
  return page.locator(`${ACTIVE_EDITOR} .view-lines .view-line`, { hasText: text }).first();
}

/** editorToken is the innermost rendered span of the active editor whose text is exactly text. */
export function editorToken(page, text) {
  return page
    .locator(`${ACTIVE_EDITOR} .view-lines .view-line span span`)
    // Monaco renders spaces as no-break spaces.
    .filter({ hasText: new RegExp(`^${escapeRegExp(text).replace(/ /g, '[\\s\\u00a0]')}$`) })
    .first();
}

/** statusItem describes the rscls status bar item: its icon and its accessible label (text and tooltip). */
export async function statusItem(page) {
  const item = page.locator(STATUS_ITEM);
  if ((await item.count()) === 0) {
    return undefined;
  }
  return item.evaluate((el) => ({
    icon: [...(el.querySelector('.codicon')?.classList ?? [])].find((c) => c.startsWith('codicon-') && !c.startsWith('codicon-modifier')) ?? '',
    text: el.textContent.trim(),
    label: el.getAttribute('aria-label') ?? '',
  }));
}

/** showProblems makes sure the Problems panel is showing (Ctrl+Shift+M toggles it, so only when it is not). */
export async function showProblems(page) {
  const panel = page.locator('.part.panel .markers-panel');
  if (!(await panel.isVisible())) {
    const tab = page.locator('.part.panel .composite-bar .action-item a[aria-label^="Problems"]');
    if (await tab.isVisible()) {
      await tab.click();
    } else {
      await page.keyboard.press('Control+Shift+M');
    }
  }
  await panel.waitFor({ state: 'visible', timeout: 15_000 });
}

/** filterProblems types text into the Problems panel's filter box. */
export async function filterProblems(page, text) {
  await showProblems(page);
  const input = page.locator('.part.panel input[aria-label="Filter Problems"]');
  await input.fill(text);
}

/**
 * problemRows returns the rows of the Problems tree in order. A file row
 * (level 1) has file and folder; a problem (2) and a related location (3)
 * have their accessible label, which VS Code builds from severity, message,
 * line, character and source, and their visible text.
 */
export async function problemRows(page) {
  const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
    els.map((e) => ({
      index: Number(e.dataset.index),
      level: Number(e.getAttribute('aria-level')),
      label: e.getAttribute('aria-label') ?? '',
      text: e.innerText.replace(/\s*\n\s*/g, ' ⏐ '),
    })),
  );
  rows.sort((a, b) => a.index - b.index);
  let file;
  // Rows the list is taking out have no level yet or any more.
  return rows.filter((r) => r.level > 0).map((r) => {
    if (r.level === 1) {
      const m = /in file (.+) of folder (.+)$/.exec(r.label);
      file = m ? { name: m[1], folder: m[2] } : { name: r.label, folder: '' };
    }
    return { ...r, file };
  });
}

/** markersOf returns the problems (level 2) listed under file (folder/name), each with its related rows. */
export function markersOf(rows, rel) {
  const out = [];
  for (const r of rows) {
    const inFile = r.file && `${r.file.folder}/${r.file.name}` === rel;
    if (r.level === 2 && inFile) {
      out.push({ ...r, related: [] });
    } else if (r.level === 3 && inFile && out.length > 0) {
      out[out.length - 1].related.push(r);
    }
  }
  return out;
}

/**
 * problemsShown returns the rows of the Problems tree once they agree with
 * the filter's count ("Showing N of M": problems and related locations),
 * so that a problem missing from the rows is missing from the panel and not
 * from a tree that has yet to be drawn. ok is false until then.
 */
export async function problemsShown(page) {
  const rows = await problemRows(page);
  const badge = (await page.locator('.part.panel .viewpane-filter-badge').allInnerTexts()).join(' ').trim();
  const m = /Showing (\d+) of (\d+)/.exec(badge);
  const drawn = rows.filter((r) => r.level >= 2).length;
  return { ok: m !== null && Number(m[1]) === drawn, rows, seen: `filter count "${badge}", ${drawn} rows drawn:${describeRows(rows)}` };
}

export function describeRows(rows) {
  return rows.length === 0 ? '(no rows)' : rows.map((r) => `\n    [${r.level}] ${r.label}`).join('');
}

/** hoverText returns the text of the visible hover widgets. */
export async function hoverWidgets(page) {
  return page.locator('.monaco-hover:visible').evaluateAll((els) =>
    els.map((e) => ({ text: e.innerText, html: e.innerHTML })),
  );
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The workspace trust status bar item, which VS Code shows in Restricted Mode. */
export const TRUST_STATUS_ITEM = '[id="status.workspaceTrust"]';

/**
 * restrictedMode describes what the page shows of Restricted Mode: the
 * accessible label of the workspace trust status bar item and the text of
 * the banner at the top of the window ('' for either when absent).
 */
export async function restrictedMode(page) {
  const item = page.locator(TRUST_STATUS_ITEM);
  const banner = page.locator('.monaco-workbench .part.banner');
  return {
    status: (await item.count()) === 0 ? '' : ((await item.getAttribute('aria-label', { timeout: 1000 })) ?? ''),
    banner: (await banner.count()) === 0 ? '' : (await banner.innerText({ timeout: 1000 })).replace(/\s+/g, ' ').trim(),
  };
}

/**
 * outputView returns the shown output channel's name (from the accessible
 * label of its editor, "<name> - Output") and the text of its rendered
 * lines, the whitespace collapsed since the view wraps long lines.
 */
export async function outputView(page) {
  const label = (await page.locator('.part.panel .output-view textarea').first().getAttribute('aria-label', { timeout: 1000 })) ?? '';
  const text = (await page.locator('.part.panel .output-view .view-lines').first().innerText({ timeout: 1000 })).replace(/\s+/g, ' ');
  return { channel: label.replace(/ - Output$/, ''), text };
}
