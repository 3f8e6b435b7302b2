#!/usr/bin/env node
// An independent gRPC client (Node @grpc/grpc-js) calling a Civic server.
//
// Runs every interop case of one suite and prints one JSON object per line and case:
// {"case": name, ...observations}. It observes and reports; the C# tests decide what is right.
// A case that crashes the harness reports {"case": name, "harness_error": stack}.
//
// Messages are encoded with protobufjs (the library under @grpc/proto-loader) from the .proto
// files, and calls go through grpc-js's generic Client, so unknown paths can be called too.
//
// Usage (modules resolve from the repository's node_modules, found above this file):
//   node grpc_js_client.js core --target HOST:PORT --compressing-target HOST:PORT --proto-root DIR...
//   node grpc_js_client.js health_reflection --target HOST:PORT --proto-root DIR...
'use strict';

const grpc = require('@grpc/grpc-js');
const { protobuf, loadProtos, parseArgs, b64 } = require('./peer_common');

const SERVICE = 'civic.testing.v1.TestService';
const TIMEOUT_MS = 10000;
const DANISH = 'Æblet må ikke være tomt';
const SPECIAL = '100% sikker? "citat" ~ tab\there, ny linje\r\n, 日本語 and a trailing %';
const REQUEST_LIMIT = 256 * 1024;
const LONG_MESSAGE = 'æ'.repeat(12000);

function metadataList(metadata) {
  if (!metadata) {
    return [];
  }
  const list = [];
  for (const [key, values] of Object.entries(metadata.toJSON())) {
    for (const value of values) {
      list.push([key, Buffer.isBuffer(value) ? b64(value) : value]);
    }
  }
  return list;
}

function caseMetadata(name, extra = []) {
  const metadata = new grpc.Metadata();
  metadata.add('x-case', name);
  for (const [key, value] of extra) {
    metadata.add(key, value);
  }
  return metadata;
}

function deadline(ms = TIMEOUT_MS) {
  return { deadline: Date.now() + ms };
}

function errorResult(error, initialMetadata) {
  return {
    code: error.code,
    details: error.details,
    initial_metadata: metadataList(initialMetadata),
    trailing_metadata: metadataList(error.metadata),
  };
}

class CoreCases {
  constructor(types, target, clients) {
    this.types = types;
    this.target = target;
    this.client = clients.plain;
    this.compressingClient = clients.compressing;
    this.gzipSendingClient = clients.gzipSending;
    this.deflateSendingClient = clients.deflateSending;
  }

  serializer(name) {
    const type = this.types.lookupType(name);
    return (value) => Buffer.from(type.encode(type.fromObject(value)).finish());
  }

  deserializer(name) {
    const type = this.types.lookupType(name);
    return (buffer) => type.toObject(type.decode(buffer), { longs: Number, defaults: true });
  }

  callUnary(name, request, { client = this.client, path = `/${SERVICE}/UnaryCall`, options = deadline(), extra = [] } = {}) {
    return new Promise((resolve) => {
      let initial = null;
      let trailing = null;
      let response = null;
      let failure = null;
      let settled = 0;
      const finish = () => {
        if (++settled < 2) {
          return;
        }
        if (failure) {
          resolve(errorResult(failure, initial));
          return;
        }
        resolve({
          code: 0,
          payload: b64(response.payload),
          deadline_ms: response.deadlineMs,
          initial_metadata: metadataList(initial),
          trailing_metadata: metadataList(trailing),
        });
      };
      const call = client.makeUnaryRequest(
        path, this.serializer('civic.testing.v1.UnaryCallRequest'), this.deserializer('civic.testing.v1.UnaryCallResponse'),
        request, caseMetadata(name, extra), options, (error, value) => {
          failure = error;
          response = value;
          finish();
        });
      call.on('metadata', (metadata) => { initial = metadata; });
      call.on('status', (status) => {
        trailing = status.metadata;
        finish();
      });
    });
  }

  readServerStream(name, request) {
    return new Promise((resolve) => {
      const call = this.client.makeServerStreamRequest(
        `/${SERVICE}/StreamingOutputCall`, this.serializer('civic.testing.v1.StreamingOutputCallRequest'),
        this.deserializer('civic.testing.v1.StreamingOutputCallResponse'), request, caseMetadata(name), deadline());
      const messages = [];
      let initial = null;
      let failure = null;
      call.on('metadata', (metadata) => { initial = metadata; });
      call.on('data', (message) => messages.push([message.index, message.payload.length]));
      call.on('error', (error) => { failure = error; });
      call.on('status', () => {
        // 'status' comes after 'error' for failed calls, and after the last 'data'.
        setImmediate(() => resolve({ ...(failure ? errorResult(failure, initial) : { code: 0 }), messages }));
      });
    });
  }

  clientStream(name, payloadSizes) {
    return new Promise((resolve) => {
      const call = this.client.makeClientStreamRequest(
        `/${SERVICE}/StreamingInputCall`, this.serializer('civic.testing.v1.StreamingInputCallRequest'),
        this.deserializer('civic.testing.v1.StreamingInputCallResponse'), caseMetadata(name), deadline(),
        (error, response) => resolve(error ? errorResult(error) : {
          code: 0,
          aggregated_payload_size: response.aggregatedPayloadSize,
          message_count: response.messageCount,
        }));
      for (const size of payloadSizes) {
        call.write({ payload: Buffer.alloc(size) });
      }
      call.end();
    });
  }

  // Cases -----------------------------------------------------------------------------------

  unary_ok() {
    return this.callUnary('unary_ok', { payload: Buffer.from('hej fra peer') });
  }

  unary_no_deadline() {
    return this.callUnary('unary_no_deadline', { payload: Buffer.from('x') }, { options: {} });
  }

  unary_empty_request() {
    return this.callUnary('unary_empty_request', {});
  }

  deadline_propagated() {
    return this.callUnary('deadline_propagated', { payload: Buffer.from('d') }, { options: deadline(5000) });
  }

  async large_messages() {
    const payload = Buffer.alloc(200 * 1024);
    for (let i = 0; i < payload.length; i++) {
      payload[i] = i % 251;
    }
    const result = await this.callUnary('large_messages', { payload });
    result.payload_matches = result.payload === b64(payload);
    delete result.payload;
    return result;
  }

  server_streaming_ok() {
    return this.readServerStream('server_streaming_ok', { responseSizes: [1, 10, 100, 1000, 70000] });
  }

  server_streaming_empty_message() {
    return this.readServerStream('server_streaming_empty_message', { responseSizes: [0, 0] });
  }

  server_streaming_no_messages() {
    return this.readServerStream('server_streaming_no_messages', {});
  }

  server_streaming_error_after_messages() {
    return this.readServerStream('server_streaming_error_after_messages', {
      responseSizes: [1, 2], finalStatus: { code: 9, message: 'Sagen er lukket' },
    });
  }

  client_streaming_ok() {
    return this.clientStream('client_streaming_ok', [1, 2, 3, 4, 5000]);
  }

  client_streaming_no_messages() {
    return this.clientStream('client_streaming_no_messages', []);
  }

  bidi_ping_pong() {
    // The next request is written only after the previous response arrived: proves the server
    // answers while the request stream is still open (true full duplex).
    const payloads = [0, 1, 2, 3, 4].map((i) => Buffer.alloc(i + 1, i));
    return new Promise((resolve) => {
      const call = this.client.makeBidiStreamRequest(
        `/${SERVICE}/FullDuplexCall`, this.serializer('civic.testing.v1.FullDuplexCallRequest'),
        this.deserializer('civic.testing.v1.FullDuplexCallResponse'), caseMetadata('bidi_ping_pong'), deadline());
      const received = [];
      let failure = null;
      call.on('data', (message) => {
        received.push(Buffer.from(message.payload));
        if (received.length < payloads.length) {
          call.write({ payload: payloads[received.length] });
        } else {
          call.end();
        }
      });
      call.on('error', (error) => { failure = error; });
      call.on('status', () => setImmediate(() => resolve({
        ...(failure ? errorResult(failure) : { code: 0 }),
        received: received.length,
        payloads_match: received.length === payloads.length && received.every((r, i) => r.equals(payloads[i])),
      })));
      call.write({ payload: payloads[0] });
    });
  }

  error_status_danish() {
    return this.callUnary('error_status_danish', { responseStatus: { code: 3, message: DANISH } });
  }

  async error_status_special_characters() {
    const result = await this.callUnary('error_status_special_characters', { responseStatus: { code: 9, message: SPECIAL } });
    result.expected = SPECIAL;
    return result;
  }

  async error_status_long_message() {
    // 12,000 'æ' percent-encode to 72 KB of grpc-message: more than grpc core's 8 KiB metadata
    // limit and nghttp2's 64 KiB header-field limit. A connection of its own (grpc-js otherwise shares
    // one per target) keeps the other cases unharmed if this one breaks it.
    const client = new grpc.Client(this.target, grpc.credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 });
    try {
      return await this.callUnary('error_status_long_message', { responseStatus: { code: 3, message: LONG_MESSAGE } },
        { client, options: deadline(3000) });
    } finally {
      client.close();
    }
  }

  async error_details() {
    const result = await this.callUnary('error_details', { responseStatus: { code: 3, message: DANISH }, violationField: 'navn' });
    const entry = (result.trailing_metadata || []).find(([key]) => key === 'grpc-status-details-bin');
    if (!entry) {
      result.status_details = null;
      return result;
    }
    const statusType = this.types.lookupType('google.rpc.Status');
    const badRequestType = this.types.lookupType('google.rpc.BadRequest');
    const status = statusType.decode(Buffer.from(entry[1], 'base64'));
    const violations = [];
    for (const detail of status.details) {
      if (detail.type_url === 'type.googleapis.com/google.rpc.BadRequest' || detail.typeUrl === 'type.googleapis.com/google.rpc.BadRequest') {
        for (const violation of badRequestType.decode(detail.value).fieldViolations) {
          violations.push([violation.field, violation.description]);
        }
      }
    }
    result.status_details = {
      code: status.code,
      message: status.message,
      type_urls: status.details.map((d) => d.type_url ?? d.typeUrl),
      field_violations: violations,
    };
    return result;
  }

  deadline_exceeded() {
    return this.callUnary('deadline_exceeded', { delayMs: 5000 }, { options: deadline(300) });
  }

  metadata_round_trip() {
    return this.callUnary('metadata_round_trip', { payload: Buffer.from('m'), echoMetadata: true }, {
      extra: [
        ['x-echo-text', 'hej verden'],
        ['x-echo-bin-bin', Buffer.from([0, 1, 2, 253, 254, 255])],
        ['x-echo-multi', 'en'],
        ['x-echo-multi', 'to'],
      ],
    });
  }

  metadata_repeated_binary() {
    // A -bin key with two values: grpc-js sends them in one header field, base64 values joined with ",".
    return this.callUnary('metadata_repeated_binary', { payload: Buffer.from('m'), echoMetadata: true }, {
      extra: [
        ['x-echo-multi-bin', Buffer.from([1])],
        ['x-echo-multi-bin', Buffer.from([2, 3])],
      ],
    });
  }

  metadata_with_error() {
    return this.callUnary('metadata_with_error', { echoMetadata: true, responseStatus: { code: 5, message: 'Ikke fundet' } }, {
      extra: [['x-echo-text', 'fejl'], ['x-echo-bin-bin', Buffer.from([0xff, 0x00])]],
    });
  }

  request_too_large() {
    return this.callUnary('request_too_large', { payload: Buffer.alloc(REQUEST_LIMIT + 50 * 1024) });
  }

  response_too_large() {
    return this.callUnary('response_too_large', { responseSize: REQUEST_LIMIT + 50 * 1024 });
  }

  unknown_method() {
    return this.callUnary('unknown_method', {}, { path: `/${SERVICE}/NoSuchMethod` });
  }

  unknown_service() {
    return this.callUnary('unknown_service', {}, { path: '/civic.testing.v1.NoSuchService/UnaryCall' });
  }

  handler_throws() {
    return this.callUnary('handler_throws', { throwException: true });
  }

  async gzip_request() {
    const payload = Buffer.from('Borgerpanelet '.repeat(1000));
    const result = await this.callUnary('gzip_request', { payload }, { client: this.gzipSendingClient });
    result.payload_matches = result.payload === b64(payload);
    delete result.payload;
    return result;
  }

  deflate_request_rejected() {
    // Legal for the client, unsupported by Civic: the spec asks for UNIMPLEMENTED and grpc-accept-encoding.
    return this.callUnary('deflate_request_rejected', { payload: Buffer.from('deflate') }, { client: this.deflateSendingClient });
  }

  async gzip_response() {
    const result = await this.callUnary('gzip_response', { responseSize: 20000 }, { client: this.compressingClient });
    result.payload_matches = result.payload === b64(Buffer.alloc(20000));
    delete result.payload;
    return result;
  }

  cancel_server_stream() {
    return new Promise((resolve) => {
      const call = this.client.makeServerStreamRequest(
        `/${SERVICE}/StreamingOutputCall`, this.serializer('civic.testing.v1.StreamingOutputCallRequest'),
        this.deserializer('civic.testing.v1.StreamingOutputCallResponse'),
        { responseSizes: new Array(50).fill(10), intervalMs: 100 }, caseMetadata('cancel_server_stream'), deadline());
      let firstIndex = null;
      let failure = null;
      call.on('data', (message) => {
        if (firstIndex === null) {
          firstIndex = message.index;
          call.cancel();
        }
      });
      call.on('error', (error) => { failure = error; });
      call.on('status', () => setImmediate(async () => {
        // The channel (and the server) must still serve calls after the cancellation.
        const after = await this.callUnary('cancel_server_stream_after', { payload: Buffer.from('efter') });
        resolve({ ...(failure ? errorResult(failure) : { code: 0 }), first_index: firstIndex, after_code: after.code });
      }));
    });
  }

  async concurrent_calls() {
    const calls = [];
    for (let i = 0; i < 20; i++) {
      calls.push(this.callUnary('concurrent_calls', { payload: Buffer.alloc(10, i), delayMs: 200 }));
    }
    const results = await Promise.all(calls);
    const codes = results.map((r) => r.code);
    const correct = results.filter((r, i) => r.payload === b64(Buffer.alloc(10, i))).length;
    return { code: Math.max(...codes), codes, correct };
  }
}

class HealthReflectionCases {
  constructor(types, client) {
    this.types = types;
    this.client = client;
  }

  unary(path, requestType, responseType, request) {
    const req = this.types.lookupType(requestType);
    const res = this.types.lookupType(responseType);
    return new Promise((resolve) => {
      this.client.makeUnaryRequest(
        path, (v) => Buffer.from(req.encode(req.fromObject(v)).finish()), (b) => res.decode(b), request, new grpc.Metadata(), deadline(),
        (error, response) => resolve(error ? { error } : { response }));
    });
  }

  statusName(value) {
    return this.types.lookupEnum('grpc.health.v1.HealthCheckResponse.ServingStatus').valuesById[value];
  }

  async healthCheck(service) {
    const { error, response } = await this.unary(
      '/grpc.health.v1.Health/Check', 'grpc.health.v1.HealthCheckRequest', 'grpc.health.v1.HealthCheckResponse', { service });
    return error ? errorResult(error) : { code: 0, status: this.statusName(response.status) };
  }

  health_check_server() {
    return this.healthCheck('');
  }

  health_check_service() {
    return this.healthCheck(SERVICE);
  }

  health_check_unknown_service() {
    return this.healthCheck('civic.testing.v1.NoSuchService');
  }

  health_watch() {
    const req = this.types.lookupType('grpc.health.v1.HealthCheckRequest');
    const res = this.types.lookupType('grpc.health.v1.HealthCheckResponse');
    return new Promise((resolve) => {
      const call = this.client.makeServerStreamRequest(
        '/grpc.health.v1.Health/Watch', (v) => Buffer.from(req.encode(req.fromObject(v)).finish()), (b) => res.decode(b),
        { service: '' }, new grpc.Metadata(), deadline());
      let done = false;
      call.on('data', (message) => {
        if (!done) {
          done = true;
          resolve({ code: 0, status: this.statusName(message.status) });
          call.cancel();
        }
      });
      call.on('error', (error) => {
        if (!done) {
          done = true;
          resolve(errorResult(error));
        }
      });
    });
  }

  reflection(version) {
    const req = this.types.lookupType(`grpc.reflection.${version}.ServerReflectionRequest`);
    const res = this.types.lookupType(`grpc.reflection.${version}.ServerReflectionResponse`);
    const { FileDescriptorProto } = require('./peer_common').descriptorTypes();
    const requests = [
      { listServices: '' },
      { fileContainingSymbol: SERVICE },
      { fileContainingSymbol: `${SERVICE}.UnaryCall` },
      { fileContainingSymbol: 'civic.testing.v1.UnaryCallRequest' },
      { fileByFilename: 'civic/testing/v1/test_service.proto' },
      { fileContainingSymbol: 'civic.testing.v1.NoSuchThing' },
    ];
    return new Promise((resolve) => {
      const call = this.client.makeBidiStreamRequest(
        `/grpc.reflection.${version}.ServerReflection/ServerReflectionInfo`,
        (v) => Buffer.from(req.encode(req.fromObject(v)).finish()), (b) => res.decode(b), new grpc.Metadata(), deadline());
      const responses = [];
      let failure = null;
      call.on('data', (response) => responses.push(describeReflection(response, FileDescriptorProto)));
      call.on('error', (error) => { failure = error; });
      call.on('status', () => setImmediate(() => resolve(failure ? errorResult(failure) : { code: 0, responses })));
      for (const request of requests) {
        call.write(request);
      }
      call.end();
    });
  }

  reflection_v1() {
    return this.reflection('v1');
  }

  reflection_v1alpha() {
    return this.reflection('v1alpha');
  }

  reflection_dynamic_call() {
    // What grpcurl does: learn the service from reflection alone, then call it with messages
    // built from the returned descriptors. Proves the descriptors are complete and correct.
    const req = this.types.lookupType('grpc.reflection.v1.ServerReflectionRequest');
    const res = this.types.lookupType('grpc.reflection.v1.ServerReflectionResponse');
    const descriptor = require('./peer_common').descriptorTypes();
    return new Promise((resolve) => {
      const call = this.client.makeBidiStreamRequest(
        '/grpc.reflection.v1.ServerReflection/ServerReflectionInfo',
        (v) => Buffer.from(req.encode(req.fromObject(v)).finish()), (b) => res.decode(b), new grpc.Metadata(), deadline());
      let files = null;
      let failure = null;
      call.on('data', (response) => {
        files = response.fileDescriptorResponse.fileDescriptorProto.map((raw) => descriptor.FileDescriptorProto.decode(raw));
      });
      call.on('error', (error) => { failure = error; });
      call.on('status', () => setImmediate(() => {
        if (failure) {
          resolve(errorResult(failure));
          return;
        }
        const root = protobuf.Root.fromDescriptor(descriptor.FileDescriptorSet.create({ file: files }));
        root.resolveAll();
        const service = root.lookupService(SERVICE);
        const method = service.methods.UnaryCall;
        const requestType = method.resolvedRequestType;
        const responseType = method.resolvedResponseType;
        this.client.makeUnaryRequest(
          `/${SERVICE}/${method.name}`, (v) => Buffer.from(requestType.encode(requestType.fromObject(v)).finish()),
          (b) => responseType.decode(b), { payload: Buffer.from('fundet via refleksion') }, new grpc.Metadata(), deadline(),
          (error, response) => resolve(error ? errorResult(error) : {
            code: 0,
            methods: service.methodsArray.map((m) => m.name),
            payload: Buffer.from(response.payload).toString(),
          }));
      }));
      call.write({ fileContainingSymbol: SERVICE });
      call.end();
    });
  }
}

function describeReflection(response, FileDescriptorProto) {
  const original = response.originalRequest ? response.originalRequest.messageRequest : undefined;
  const kind = response.messageResponse;
  const described = { kind: snake(kind), original: original ? snake(original) : null };
  if (kind === 'listServicesResponse') {
    described.services = response.listServicesResponse.service.map((s) => s.name);
  } else if (kind === 'fileDescriptorResponse') {
    described.files = response.fileDescriptorResponse.fileDescriptorProto.map((raw) => {
      const proto = FileDescriptorProto.decode(raw);
      return {
        name: proto.name,
        package: proto.package,
        dependencies: proto.dependency || [],
        messages: (proto.messageType || []).map((m) => m.name),
        services: (proto.service || []).map((s) => ({
          name: s.name,
          methods: (s.method || []).map((m) => ({
            name: m.name,
            input: m.inputType,
            output: m.outputType,
            client_streaming: Boolean(m.clientStreaming),
            server_streaming: Boolean(m.serverStreaming),
          })),
        })),
      };
    });
  } else if (kind === 'errorResponse') {
    described.error_code = response.errorResponse.errorCode;
  }
  return described;
}

function snake(name) {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const CORE = [
  'unary_ok', 'unary_no_deadline', 'unary_empty_request', 'deadline_propagated', 'large_messages',
  'server_streaming_ok', 'server_streaming_empty_message', 'server_streaming_no_messages',
  'server_streaming_error_after_messages', 'client_streaming_ok', 'client_streaming_no_messages',
  'bidi_ping_pong', 'error_status_danish', 'error_status_special_characters', 'error_status_long_message',
  'error_details',
  'deadline_exceeded', 'metadata_round_trip', 'metadata_repeated_binary', 'metadata_with_error', 'request_too_large',
  'response_too_large', 'unknown_method', 'unknown_service', 'handler_throws', 'gzip_request',
  'deflate_request_rejected', 'gzip_response', 'cancel_server_stream', 'concurrent_calls',
];

const HEALTH_REFLECTION = [
  'health_check_server', 'health_check_service', 'health_check_unknown_service', 'health_watch',
  'reflection_v1', 'reflection_v1alpha', 'reflection_dynamic_call',
];

async function run(cases, names) {
  for (const name of names) {
    let result;
    try {
      result = await cases[name]();
    } catch (error) {
      result = { harness_error: String(error && error.stack ? error.stack : error) };
    }
    process.stdout.write(`${JSON.stringify({ case: name, ...result })}\n`);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const types = loadProtos(args.protoRoots, [
    'civic/testing/v1/test_service.proto',
    'google/rpc/status.proto',
    'google/rpc/error_details.proto',
    'grpc/health/v1/health.proto',
    'grpc/reflection/v1/reflection.proto',
    'grpc/reflection/v1alpha/reflection.proto',
  ]);
  const insecure = grpc.credentials.createInsecure();
  const clients = [];
  const client = (target, options = {}) => {
    const created = new grpc.Client(target, insecure, options);
    clients.push(created);
    return created;
  };
  if (args.suite === 'core') {
    await run(new CoreCases(types, args.target, {
      plain: client(args.target),
      compressing: client(args.compressingTarget),
      // grpc-js compresses requests per channel, not per call (1 = deflate, 2 = gzip).
      gzipSending: client(args.target, { 'grpc.default_compression_algorithm': 2 }),
      deflateSending: client(args.target, { 'grpc.default_compression_algorithm': 1 }),
    }), args.cases.length ? args.cases : CORE);
  } else {
    await run(new HealthReflectionCases(types, client(args.target)), args.cases.length ? args.cases : HEALTH_REFLECTION);
  }
  for (const created of clients) {
    created.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
