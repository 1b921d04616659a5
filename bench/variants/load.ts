// Prints how long `require(<package>)` takes in this fresh process, in milliseconds.
const pkg = process.argv[2];
const start = process.hrtime.bigint();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(pkg);
console.log(Number(process.hrtime.bigint() - start) / 1e6);
