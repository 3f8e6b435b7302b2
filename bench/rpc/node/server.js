'use strict';
// Server (c): the bench proto served by @grpc/grpc-js on h2c, one Node process.
const grpc = require('@grpc/grpc-js');
const { packageDefinition, serviceName } = require('./bench-proto');

const port = Number(process.argv[2] || 50153);
const service = packageDefinition[serviceName];

function echo(call, callback) {
  const request = call.request;
  callback(null, {
    department_id: request.department_id,
    text: request.text,
    sequence: request.sequence,
    requested_at_unix_ms: request.requested_at_unix_ms,
    text_length: request.text.length,
  });
}

const server = new grpc.Server();
server.addService(service, { Echo: echo });
server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error) => {
  if (error) {
    console.error(error.message);
    process.exit(1);
  }
  console.log(`Listening on h2c://127.0.0.1:${port}`);
});

function stop() {
  server.tryShutdown(() => process.exit(0));
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
