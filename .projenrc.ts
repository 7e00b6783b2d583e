import { cdk8s, javascript, release } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-gateway',
  description: 'Typed cdk8s constructs for Kubernetes edge intent (routes, TLS, policies, canaries), compiled to ingress-nginx, Traefik, Kong or Gateway API manifests.',
  author: 'cdk8s-gateway maintainers',
  authorAddress: 'maintainers@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdk8s-gateway/cdk8s-gateway.git',
  defaultReleaseBranch: 'main',
  keywords: ['cdk8s', 'kubernetes', 'ingress', 'gateway-api', 'ingress-nginx', 'traefik', 'kong', 'envoy-gateway', 'istio', 'cert-manager'],
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.3',
  cdk8sVersion: '2.70.106',
  constructsVersion: '10.3.0',
  // No cdk8s-plus peer: Backend.fromService takes a structural IServiceRef, so a Service of any
  // cdk8s-plus line fits. Tests run against the frozen line 27 and the newest line.
  // Used from src/ (the import loader): bundled, because jsii libraries cannot depend on plain npm packages.
  // js-yaml rather than yaml: it parses 1,000 Ingresses about ten times faster (the import target is 2 s).
  bundledDeps: ['js-yaml@^5.5.0'],
  // `cdk8s-gateway import ...`: a small shim that requires lib/cli.
  bin: { 'cdk8s-gateway': 'bin/cdk8s-gateway' },
  devDeps: [
    'cdk8s-plus-27@2.9.5',
    'cdk8s-plus-34@2.0.54',
    'cdk8s-cli@2.207.60',
    '@types/node@^20',
    'ajv@^8.20.0',
    '@bufbuild/cel@0.6.1',
    'yaml@^2.9.1',
    'fast-check@^4.11.0',
    'dependency-cruiser@^17.4.3',
    '@stryker-mutator/core@9.5.1',
    '@stryker-mutator/jest-runner@9.5.1',
    '@stryker-mutator/typescript-checker@9.5.1',
  ],
  stability: 'experimental',
  // Bindings for every jsii language. Nothing is published from here (no workflows, no publish
  // tasks); `npm test` generates the four with `jsii-pacmak --code-only` and compiles the Python.
  publishToPypi: { distName: 'cdk8s-gateway', module: 'cdk8s_gateway' },
  publishToMaven: { javaPackage: 'io.github.cdk8s_gateway', mavenGroupId: 'io.github.cdk8s-gateway', mavenArtifactId: 'cdk8s-gateway' },
  publishToNuget: { dotNetNamespace: 'Cdk8sGateway', packageId: 'Cdk8sGateway' },
  publishToGo: { moduleName: 'github.com/cdk8s-gateway/cdk8s-gateway-go', packageName: 'cdk8sgateway' },
  github: false,
  // Versions and CHANGELOG.md from conventional commits (`npm run release`: bump, build, tag), 0.x
  // until 1.0; no publishing: no workflows, no publish tasks, no push.
  release: true,
  releaseTrigger: release.ReleaseTrigger.manual({ changelog: true, changelogPath: 'CHANGELOG.md', gitPushCommand: '' }),
  majorVersion: 0,
  publishTasks: false,
  // commit-and-tag-version 13 pulls conventional-changelog packages that need Node 22.
  bumpPackage: 'commit-and-tag-version@^12',
  docgen: true,
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      collectCoverage: false,
      testTimeout: 60_000,
      // Synth warnings are read through Warnings.of() in tests, not printed (test/setup.ts).
      setupFiles: ['<rootDir>/test/setup.ts'],
    },
  },
  gitignore: ['/.crds/', '/node_modules', '/bench/results/', '/test-reports/', '/reports/mutation/', '/.stryker-tmp/'],
});

// The npm tarball: lib/, .jsii, API.md, README, CHANGELOG, LICENSE and the per-controller docs
// (src/controllers/*/README.md); nothing repo-only. test/package.test.ts checks the file list.
project.npmignore?.removePatterns('/src/');
project.npmignore?.exclude('/src/**/*.ts', '/examples/', '/scripts/', '/.ci/', '/bench/', '/CONTRIBUTING.md', '/docs/', '/.dependency-cruiser.cjs', '/src/controllers/README.md', '/stryker.config.js', '/stryker-jest-by-file.mjs', '/stryker-bail-environment.cjs', '/reports/', '/.stryker-tmp/');

// Typings without @internal members and helpers: jsii has no stripInternal, so the declarations
// are emitted again with it (test/package.test.ts: typings export exactly the jsii types).
project.compileTask.exec('tsc -p tsconfig.json --emitDeclarationOnly --stripInternal');

// jsii 6 prints a large end-of-life banner on Node 20.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// `package` (part of `build`, hence of `release`) makes the npm tarball only: the other languages'
// packages need their toolchains and registries (`npm run package-all` where they exist).
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);

// Examples: every app under examples/ is synthesized in one process, as `cdk8s synth` runs it; its
// YAML is committed (examples/**/dist/) so a reader sees the output without running anything.
const examplesTypeCheck = 'tsc -p examples/tsconfig.json';
project.addTask('examples', {
  description: 'Type-check and synthesize every example app into examples/**/dist/ (commit the result)',
  steps: [
    { exec: examplesTypeCheck },
    { exec: 'node scripts/synth-examples.js' },
  ],
});
const examplesCheck = project.addTask('examples:check', {
  description: 'Type-check and synthesize every example app; fail if the committed examples/**/dist/ YAML differs',
  steps: [
    { exec: examplesTypeCheck },
    { exec: 'node scripts/synth-examples.js --check' },
  ],
});
project.gitattributes.addAttributes('/examples/**/dist/*.yaml', 'linguist-generated');

// Bindings: generate Python, Java, .NET and Go code from .jsii and compile the Python.
const bindings = project.addTask('bindings', {
  description: 'Generate the Python, Java, .NET and Go bindings (jsii-pacmak --code-only) into a temporary directory and check them',
  exec: 'node scripts/check-bindings.js',
});

// `npm test`: jsii compile, API docs, bindings, all tests, lint, example YAML drift.
const test = project.testTask;
test.reset();
test.spawn(project.compileTask);
test.spawn(project.tasks.tryFind('docgen')!);
test.spawn(bindings);
// --json --outputFile: .ci/run reads the counts from test-reports/jest.json.
test.exec('jest --ci --json --outputFile=test-reports/jest.json', { receiveArgs: true });
test.spawn(project.tasks.tryFind('eslint')!);
test.spawn(examplesCheck);

// Property tests (test/property) with many more random cases than `npm test` runs.
project.addTask('fuzz', {
  description: 'Property tests with a random seed and many cases: FUZZ_RUNS per controller (default 10000), FUZZ_SEED to replay a failure',
  env: { FUZZ: '1' },
  exec: 'jest --ci --testTimeout=3600000 test/property',
  receiveArgs: true,
});

// Mutation testing (StrykerJS): not part of `npm test`. MUTATE=<comma-separated globs> narrows the files.
project.addTask('mutation', {
  description: 'Mutation score of src/controllers (or the comma-separated globs in MUTATE) with StrykerJS; tests per mutant from per-test coverage',
  exec: 'stryker run stryker.config.js',
  receiveArgs: true,
});

const bench = project.addTask('bench', {
  description: 'Synth cost vs raw cdk8s ApiObjects at 1k and 10k routes, per controller',
});
bench.spawn(project.compileTask);
bench.exec('node scripts/bench.js');
project.addTask('matrix', {
  description: 'Regenerate the README capability matrix from src/capabilities/matrix.ts',
  exec: 'ts-node --transpile-only scripts/update-readme-matrix.ts',
});
project.addTask('crds', {
  description: 'Download the pinned official CRDs into .crds/ (only needed without ../shared/crds)',
  exec: 'node scripts/fetch-crds.js',
});

project.synth();
