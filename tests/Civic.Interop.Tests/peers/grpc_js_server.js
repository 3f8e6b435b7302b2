#!/usr/bin/env node
// An independent gRPC server (Node @grpc/grpc-js) serving civic.testing.v1.TestService with the
// behaviours of Civic's TestServiceHandler, for Civic's client to call.
//
// Prints JSON lines on stdout:
//   {"event":"ready","port":N}                                  once listening on 127.0.0.1:N
//   {"event":"call","case":C,"path":P,"headers":{...}}          the raw HTTP/2 request headers of every call
//   {"event":"cancelled","case":C,"path":P}                      when a call is cancelled by the client
// Calls name their case in an "x-case" header. The server exits when stdin closes, so it cannot
// outlive the test run that started it.
//
// Usage: node grpc_js_server.js --proto-root DIR... [--port N]
'use strict';

const http2 = require('http2');
const grpc = require('@grpc/grpc-js');
const { loadProtos, parseArgs } = require('./peer_common');

const MESSAGE_LIMIT = 256 * 1024;

function emit(event) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

// Wire evidence: grpc-js hides te, content-type, grpc-timeout and grpc-encoding from handlers, so the
// raw headers are taken from the HTTP/2 server it creates.
const createServer = http2.createServer;
http2.createServer = (...args) => {
  const server = createServer(...args);
  server.on('stream', (stream, headers) => {
    const recorded = {};
    for (const [key, value] of Object.entries(headers)) {
      recorded[key] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    emit({ event: 'call', case: recorded['x-case'] ?? null, path: recorded[':path'], headers: recorded });
  });
  return server;
};

function codec(types, name) {
  const type = types.lookupType(name);
  return {
    serialize: (value) => Buffer.from(type.encode(type.fromObject(value)).finish()),
    deserialize: (buffer) => type.toObject(type.decode(buffer), { longs: Number, defaults: true }),
  };
}

function methodDefinition(types, service, name, requestStream, responseStream) {
  const method = types.lookupService(service).methods[name];
  const request = codec(types, method.resolvedRequestType.fullName.slice(1));
  const response = codec(types, method.resolvedResponseType.fullName.slice(1));
  return {
    path: `/${service}/${name}`,
    requestStream,
    responseStream,
    requestSerialize: request.serialize,
    requestDeserialize: request.deserialize,
    responseSerialize: response.serialize,
    responseDeserialize: response.deserialize,
  };
}

function caseOf(call) {
  return call.metadata.get('x-case')[0] ?? null;
}

// Reports a cancellation that came before the handler finished (grpc-js also signals 'cancelled'
// when the stream closes after a normal end). Call finish() before ending the call.
function watchCancellation(call, path) {
  const state = { finished: false, finish: () => { state.finished = true; } };
  call.on('cancelled', () => {
    if (!state.finished) {
      emit({ event: 'cancelled', case: caseOf(call), path });
    }
  });
  return state;
}

function delay(ms, call) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    call.on('cancelled', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function statusDetails(types, request, status) {
  // As TestServiceHandler: a google.rpc.Status with a BadRequest when a violation field is asked for.
  const statusType = types.lookupType('google.rpc.Status');
  const badRequestType = types.lookupType('google.rpc.BadRequest');
  const anyType = types.lookupType('google.protobuf.Any');
  // protobufjs's bundled any.proto keeps the proto field name (type_url); parsed files use camelCase.
  const typeUrlField = anyType.fields.typeUrl ? 'typeUrl' : 'type_url';
  const badRequest = badRequestType.encode(badRequestType.fromObject({
    fieldViolations: [{ field: request.violationField, description: status.message }],
  })).finish();
  return Buffer.from(statusType.encode(statusType.fromObject({
    code: status.code,
    message: status.message,
    details: [{ [typeUrlField]: 'type.googleapis.com/google.rpc.BadRequest', value: badRequest }],
  })).finish());
}

function echoedMetadata(call) {
  const echoed = new grpc.Metadata();
  for (const [key, values] of Object.entries(call.metadata.toJSON())) {
    if (key.startsWith('x-echo-')) {
      for (const value of values) {
        echoed.add(key, value);
      }
    }
  }
  return echoed;
}

function implementation(types) {
  return {
    async UnaryCall(call, callback) {
      const state = watchCancellation(call, 'UnaryCall');
      const request = call.request;
      const started = Date.now();
      let trailers = new grpc.Metadata();
      if (request.echoMetadata) {
        call.sendMetadata(echoedMetadata(call));
        trailers = echoedMetadata(call);
      }
      if (request.delayMs > 0) {
        await delay(request.delayMs, call);
        if (call.cancelled) {
          return;
        }
      }
      state.finish();
      if (request.throwException) {
        // grpc-js would send an Error's message to the client; a careful server sends no internals.
        callback({ code: grpc.status.INTERNAL, details: 'An internal error occurred.', metadata: trailers });
        return;
      }
      const status = request.responseStatus;
      if (status && status.code !== 0) {
        if (request.violationField) {
          trailers.add('grpc-status-details-bin', statusDetails(types, request, status));
        }
        callback({ code: status.code, details: status.message, metadata: trailers });
        return;
      }
      const deadline = call.getDeadline();
      const deadlineMs = deadline === Infinity ? -1 : Math.round(new Date(deadline).getTime() - started);
      const payload = request.responseSize > 0 ? Buffer.alloc(request.responseSize) : request.payload;
      callback(null, { payload, deadlineMs }, trailers);
    },

    async StreamingOutputCall(call) {
      const state = watchCancellation(call, 'StreamingOutputCall');
      const request = call.request;
      for (let i = 0; i < request.responseSizes.length; i++) {
        if (i > 0 && request.intervalMs > 0) {
          await delay(request.intervalMs, call);
        }
        if (call.cancelled) {
          return;
        }
        call.write({ index: i, payload: Buffer.alloc(request.responseSizes[i]) });
      }
      state.finish();
      const status = request.finalStatus;
      if (status && status.code !== 0) {
        call.emit('error', { code: status.code, details: status.message });
        return;
      }
      call.end();
    },

    StreamingInputCall(call, callback) {
      const state = watchCancellation(call, 'StreamingInputCall');
      let aggregatedPayloadSize = 0;
      let messageCount = 0;
      call.on('data', (request) => {
        aggregatedPayloadSize += request.payload.length;
        messageCount++;
      });
      call.on('end', () => {
        state.finish();
        callback(null, { aggregatedPayloadSize, messageCount });
      });
      call.on('error', () => {});
    },

    FullDuplexCall(call) {
      const state = watchCancellation(call, 'FullDuplexCall');
      call.on('data', (request) => call.write({ payload: request.payload }));
      call.on('end', () => {
        state.finish();
        call.end();
      });
      call.on('error', () => {});
    },
  };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const types = loadProtos(args.protoRoots, [
    'civic/testing/v1/test_service.proto',
    'google/rpc/status.proto',
    'google/rpc/error_details.proto',
  ]);
  const service = 'civic.testing.v1.TestService';
  const definition = {
    UnaryCall: methodDefinition(types, service, 'UnaryCall', false, false),
    StreamingOutputCall: methodDefinition(types, service, 'StreamingOutputCall', false, true),
    StreamingInputCall: methodDefinition(types, service, 'StreamingInputCall', true, false),
    FullDuplexCall: methodDefinition(types, service, 'FullDuplexCall', true, true),
  };
  const server = new grpc.Server({
    'grpc.max_receive_message_length': MESSAGE_LIMIT,
    'grpc.max_send_message_length': MESSAGE_LIMIT,
  });
  server.addService(definition, implementation(types));
  server.bindAsync(`127.0.0.1:${args.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) {
      process.stderr.write(`${error.stack || error}\n`);
      process.exit(1);
    }
    emit({ event: 'ready', port });
  });
  // The test run that started this server holds stdin open; when it goes, so does the server.
  process.stdin.resume();
  process.stdin.on('end', () => {
    server.forceShutdown();
    process.exit(0);
  });
}

main();
