// `node load.js <package> [export]`: prints how long `require(<package>)` takes in this fresh process, in
// milliseconds; with an export, `require(<package>)[export]`, which loads what using that export needs.
const [pkg, name] = process.argv.slice(2);
const start = process.hrtime.bigint();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded = require(pkg);
if (name && typeof loaded[name] !== 'function') throw new Error(`${pkg} exports no ${name}`);
console.log(Number(process.hrtime.bigint() - start) / 1e6);
