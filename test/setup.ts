// Tests read synth warnings through Warnings.of(); printing them would only flood the test output.
process.env.CDK8S_GATEWAY_QUIET = 'true';
