/**
 * `src/common/prop-types.ts` (the types `checkArgs` checks at run time) is what the jsii assembly says.
 * After a change to a public signature: `UPDATE_PROP_TYPES=1 npx jest test/boundary/prop-types.test.ts`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadAssemblies } from './assembly';
import { renderPropTypes } from './prop-types';

const FILE = path.join(__dirname, '../../src/common/prop-types.ts');

/** The runtime values of an enum, read from the module that exports it. */
function enumValues(fqn: string): string[] {
  const [assembly, ...names] = fqn.split('.');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  let value: any = assembly === 'cdk8s-patterns' ? require('../../src') : require(assembly);
  for (const n of names) value = value?.[n];
  if (!value) throw new Error(`cannot load enum ${fqn}`);
  return Object.values(value).filter((v): v is string => typeof v === 'string');
}

test('the run-time type table equals what the assembly says', () => {
  // GIVEN the assembly WHEN rendering the table
  const rendered = renderPropTypes(loadAssemblies(), enumValues);
  if (process.env.UPDATE_PROP_TYPES) fs.writeFileSync(FILE, rendered);
  // THEN the committed file is the same
  expect(fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '').toEqual(rendered);
});
