import { cdk8s, javascript } from 'projen';

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
  peerDeps: ['cdk8s-plus-27@^2.9.5'],
  devDeps: [
    'cdk8s-plus-27@2.9.5',
    'cdk8s-cli@2.207.60',
    '@types/node@^20',
    'ajv@^8.20.0',
    '@bufbuild/cel@0.6.1',
    'yaml@^2.9.1',
    'fast-check@^4.11.0',
    'dependency-cruiser@^17.4.3',
  ],
  // Publishing targets need registries this project's CI cannot reach; bindings are checked with pacmak --code-only.
  github: false,
  release: false,
  docgen: true,
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      collectCoverage: false,
      testTimeout: 60_000,
    },
  },
  gitignore: ['/.crds/', '/node_modules', '/examples/**/dist/', '/bench/results/', '/test-reports/'],
});

// jsii 6 prints a large end-of-life banner on Node 20.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// Examples: every app under examples/ is synthesized with the real cdk8s CLI.
const examples = project.addTask('examples', {
  description: 'Type-check and synthesize every example app with `cdk8s synth`',
  steps: [
    { exec: 'tsc -p examples/tsconfig.json' },
    { exec: 'node scripts/synth-examples.js' },
  ],
});

// `npm test`: jsii compile, all tests, lint, examples.
const test = project.testTask;
test.reset();
test.spawn(project.compileTask);
test.spawn(project.tasks.tryFind('docgen')!);
// --json --outputFile: .ci/run reads the counts from test-reports/jest.json.
test.exec('jest --ci --json --outputFile=test-reports/jest.json', { receiveArgs: true });
test.spawn(project.tasks.tryFind('eslint')!);
test.spawn(examples);

// Property tests (test/property) with many more random cases than `npm test` runs.
project.addTask('fuzz', {
  description: 'Property tests with a random seed and many cases: FUZZ_RUNS per controller (default 10000), FUZZ_SEED to replay a failure',
  env: { FUZZ: '1' },
  exec: 'jest --ci --testTimeout=3600000 test/property',
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
