'use strict';
// Loads the bench-only proto the same way for the grpc-js server and the check client.
const path = require('node:path');
const protoLoader = require('@grpc/proto-loader');

const protoRoot = path.join(__dirname, '..', 'protos');

// longs as Number and no default filling: the cheapest conversions proto-loader offers, so
// grpc-js is measured at its fastest.
const packageDefinition = protoLoader.loadSync('civic/bench/v1/bench.proto', {
  includeDirs: [protoRoot],
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: false,
});

const serviceName = 'civic.bench.v1.BenchService';

const sampleRequest = {
  department_id: 'dept-social-services',
  text: 'Can the library open earlier on Saturdays?',
  sequence: 42,
  requested_at_unix_ms: 1767225600000,
};

module.exports = { packageDefinition, serviceName, sampleRequest };
