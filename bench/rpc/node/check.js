'use strict';
// Two jobs for run.sh:
//   node check.js request FILE   writes the length-prefixed gRPC request body h2load posts;
//   node check.js call PORT      waits (up to 60 s) until a server on PORT answers Echo correctly
//                                through a real gRPC client, so each server is proven to speak gRPC
//                                (status in trailers, correct response) before it is measured.
const fs = require('node:fs');
const grpc = require('@grpc/grpc-js');
const { packageDefinition, serviceName, sampleRequest } = require('./bench-proto');

const method = packageDefinition[serviceName].Echo;

function writeRequest(file) {
  const message = method.requestSerialize(sampleRequest);
  const frame = Buffer.alloc(5 + message.length);
  frame.writeUInt8(0, 0);
  frame.writeUInt32BE(message.length, 1);
  message.copy(frame, 5);
  fs.writeFileSync(file, frame);
  console.log(`wrote ${frame.length} bytes (message ${message.length} bytes) to ${file}`);
}

function callOnce(client) {
  return new Promise((resolve, reject) => {
    client.Echo(sampleRequest, { deadline: Date.now() + 2000 }, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

async function waitForServer(port) {
  const Client = grpc.makeGenericClientConstructor(packageDefinition[serviceName]);
  const client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const giveUpAt = Date.now() + 60000;
  let lastError;
  while (Date.now() < giveUpAt) {
    try {
      const response = await callOnce(client);
      const expected = { ...sampleRequest, text_length: sampleRequest.text.length };
      for (const [key, value] of Object.entries(expected)) {
        if (response[key] !== value) {
          throw new Error(`field ${key}: expected ${value}, got ${response[key]}`);
        }
      }
      client.close();
      console.log(`server on port ${port} answered Echo correctly`);
      return;
    } catch (error) {
      lastError = error;
      if (error.code === undefined) {
        break; // A wrong answer, not an unready server: retrying will not help.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  client.close();
  console.error(`server on port ${port} did not answer Echo correctly: ${lastError && lastError.message}`);
  process.exit(1);
}

const [command, argument] = process.argv.slice(2);
if (command === 'request') {
  writeRequest(argument);
} else if (command === 'call') {
  waitForServer(Number(argument));
} else {
  console.error('usage: node check.js request FILE | node check.js call PORT');
  process.exit(2);
}
