/**
 * Generated blocks in the guides: the text between `<!-- begin:<id> -->` and `<!-- end:<id> -->` is what the
 * code produces; a test regenerates and compares it. `UPDATE_DOCS=1` (or the older `UPDATE_README=1`) rewrites
 * the blocks on purpose.
 */
import * as fs from 'fs';
import * as path from 'path';

export const DOCS = path.resolve(__dirname, '..', '..', 'docs');

/** The text of block `id` in a guide (with its code fence, if any). */
export function docBlock(text: string, id: string): string {
  const begin = `<!-- begin:${id} -->\n`;
  const from = text.indexOf(begin);
  const to = text.indexOf(`<!-- end:${id} -->`);
  if (from < 0 || to < from) throw new Error(`no block ${id}`);
  return text.slice(from + begin.length, to);
}

/** The text with block `id` replaced. */
export function replaceDocBlock(text: string, id: string, content: string): string {
  const begin = `<!-- begin:${id} -->\n`;
  return text.slice(0, text.indexOf(begin) + begin.length) + content + text.slice(text.indexOf(`<!-- end:${id} -->`));
}

/**
 * Checks every generated block of a guide against what the code produces (one test per block); rewrites them
 * first when `UPDATE_DOCS` is set.
 */
export function expectDocBlocks(guide: string, expected: Record<string, string>): void {
  const file = path.join(DOCS, guide);
  let text = fs.readFileSync(file, 'utf-8');
  if (process.env.UPDATE_DOCS || process.env.UPDATE_README) {
    for (const [id, content] of Object.entries(expected)) text = replaceDocBlock(text, id, content);
    fs.writeFileSync(file, text);
  }
  test.each(Object.keys(expected))(`${guide}: block %s is what the code produces`, id => {
    expect(docBlock(text, id)).toBe(expected[id]);
  });
}
