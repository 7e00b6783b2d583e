/**
 * Import-graph rules for src/ (see src/controllers/README.md). Checked by test/architecture.test.ts.
 *
 * - the IR is plain data: src/ir imports only src/ir;
 * - controllers never import intent (the public constructs);
 * - a controller folder imports no other controller folder, except the Gateway API extension
 *   contracts (src/controllers/gateway-api/extension.ts, and read-extension.ts for readers), which
 *   extensions build on;
 * - checks (src/checks) are pure functions over the IR: IR, core and capabilities only;
 * - no import cycles, except through type-only imports (a construct and its owner).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'ir-imports-only-ir',
      comment: 'The IR is plain readonly data: it depends on nothing but itself.',
      severity: 'error',
      from: { path: '^src/ir/' },
      to: { pathNot: ['^src/ir/', '^node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'ir-no-packages',
      comment: 'The IR imports no package (no cdk8s, no constructs).',
      severity: 'error',
      from: { path: '^src/ir/' },
      to: { path: '^node_modules/' },
    },
    {
      name: 'checks-are-pure',
      comment: 'Checks are pure functions over the IR: they import the IR, core and the capability matrix only.',
      severity: 'error',
      from: { path: '^src/checks/' },
      to: { pathNot: ['^src/(checks|ir|core|capabilities)/'] },
    },
    {
      name: 'controllers-not-to-intent',
      comment: 'Controllers render the IR; they never see the public constructs.',
      severity: 'error',
      from: { path: '^src/controllers/' },
      to: { path: '^src/intent/' },
    },
    {
      name: 'controller-not-to-other-controller',
      comment: 'A controller folder imports only core, ir, capabilities, controllers/common, the controller contract (controllers/*.ts) and the Gateway API extension contract.',
      severity: 'error',
      from: { path: '^src/controllers/([^/]+)/' },
      to: {
        path: '^src/controllers/[^/]+/',
        pathNot: ['^src/controllers/$1/', '^src/controllers/common/', '^src/controllers/gateway-api/(read-)?extension[.]ts$'],
      },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles, except through type-only imports.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: ['^src/', '^node_modules/'],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
};
