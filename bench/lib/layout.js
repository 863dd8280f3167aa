'use strict';
// Cold start compares apps that load Express from this checkout's node_modules. When npm hoists
// another major version of one of Express's dependencies to the root (development tools pull in
// old ones), each of Express's dependents gets its own nested copy: mime-types with its 200 KB
// mime-db was loaded four times, about 45 ms of every start. A user's install of Express does not
// do that, so both apps would start slower than they do for anyone else and the cold-start ratio
// would look better than it is. The root package.json lists such a package at Express's major.
const { execFileSync } = require('node:child_process');

/** Packages that `require('express')` from `dir` loads from more than one folder, with the folders. */
function duplicatedPackages(dir) {
  const script = `
    require(require.resolve('express', { paths: [${JSON.stringify(dir)}] }));
    const folders = new Map();
    for (const file of Object.keys(require.cache)) {
      const m = /^(.*node_modules\\/((?:@[^/]+\\/)?[^/]+))\\//.exec(file);
      if (m) folders.set(m[2], (folders.get(m[2]) ?? new Set()).add(m[1]));
    }
    const twice = [...folders].filter(([, f]) => f.size > 1).map(([name, f]) => ({ name, folders: [...f] }));
    process.stdout.write(JSON.stringify(twice));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/** Throws, naming the packages, unless Express loads one copy of each of its dependencies. */
function checkExpressLayout(dir) {
  const twice = duplicatedPackages(dir);
  if (twice.length === 0) return;
  const list = twice.map((d) => `${d.name} (${d.folders.join(', ')})`).join('; ');
  throw new Error(
    `Express loads more than one copy of ${list}. Cold starts would carry a cost a user's install ` +
      'does not have. Add the package at the version Express uses to the root devDependencies and run npm install.',
  );
}

module.exports = { checkExpressLayout, duplicatedPackages };
