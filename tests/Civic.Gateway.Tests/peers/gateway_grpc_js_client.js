#!/usr/bin/env node
// An independent gRPC client (Node @grpc/grpc-js) calling Civic's services, directly or through the gateway.
//
// Runs the same cases as gateway_grpcio_client.py against whichever targets it is given and prints
// one JSON object per line and case: {"case": name, ...observations}. The C# test runs it once with
// the services' own addresses and once with the gateway's h2c address, and compares the reports.
// Messages are encoded with protobufjs (what @grpc/proto-loader is built on), loaded from the .proto files.
//
// Usage: node gateway_grpc_js_client.js --hotline H:P --panel H:P --network H:P --testing H:P
//          --admin-token T --staff-token T --citizen-token T --suffix S --case-id ID --department-id ID
//          --proto-root DIR...
'use strict';

const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');

const protoLoaderDir = path.dirname(require.resolve('@grpc/proto-loader'));
const protobuf = require(require.resolve('protobufjs', { paths: [protoLoaderDir] }));

const TIMEOUT_MS = 10000;
const PROTOS = [
  'civic/common/v1/common.proto',
  'civic/hotline/v1/departments.proto',
  'civic/panel/v1/cases.proto',
  'civic/network/v1/resource_persons.proto',
  'civic/testing/v1/test_service.proto',
  'google/rpc/status.proto',
  'google/rpc/error_details.proto',
];

function parseArgs(argv) {
  const args = { protoRoots: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (name === 'proto-root') {
      args.protoRoots.push(argv[i + 1]);
    } else {
      args[name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = argv[i + 1];
    }
  }
  return args;
}

function loadProtos(protoRoots) {
  const root = new protobuf.Root();
  // google/api/annotations.proto (imported by the contracts) imports google/protobuf/descriptor.proto,
  // which protobufjs ships beside its own code.
  const protobufDir = path.dirname(require.resolve('protobufjs/package.json', { paths: [protoLoaderDir] }));
  root.resolvePath = (origin, target) => {
    for (const dir of [...protoRoots, protobufDir]) {
      const candidate = path.join(dir, target);
      if (fs.existsSync(candidate)) {
        return candidate;
      }
    }
    return target;
  };
  root.loadSync(PROTOS);
  root.resolveAll();
  return root;
}

const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const deadline = (ms = TIMEOUT_MS) => new Date(Date.now() + ms);

// The application's own metadata (x-*), binary values in base64, sorted: hop-by-hop headers differ by design.
function appMetadata(...groups) {
  const entries = [];
  for (const group of groups) {
    if (!group) continue;
    for (const [key, values] of Object.entries(group.getMap ? group.toJSON() : {})) {
      if (!key.startsWith('x-')) continue;
      for (const value of values) {
        entries.push([key, Buffer.isBuffer(value) ? b64(value) : String(value)]);
      }
    }
  }
  return entries.sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
}

class Cases {
  constructor(root, args) {
    this.root = root;
    this.args = args;
    this.clients = new Map();
  }

  client(target) {
    if (!this.clients.has(target)) {
      this.clients.set(target, new grpc.Client(target, grpc.credentials.createInsecure()));
    }
    return this.clients.get(target);
  }

  type(name) {
    return this.root.lookupType(name);
  }

  statusDetails(trailing) {
    const raw = trailing && trailing.get('grpc-status-details-bin')[0];
    if (!raw) return null;
    const status = this.type('google.rpc.Status').decode(raw);
    const result = { code: status.code, message: status.message, type_urls: [], violations: [] };
    for (const detail of status.details) {
      result.type_urls.push(detail.type_url || detail.typeUrl);
      const typeName = (detail.type_url || detail.typeUrl).split('/').pop();
      if (typeName === 'google.rpc.BadRequest') {
        for (const v of this.type(typeName).decode(detail.value).fieldViolations) {
          result.violations.push([v.field, v.description]);
        }
      } else if (typeName === 'google.rpc.ErrorInfo') {
        result.reason = this.type(typeName).decode(detail.value).reason;
      } else if (typeName === 'google.rpc.LocalizedMessage') {
        const localized = this.type(typeName).decode(detail.value);
        result.localized = [localized.locale, localized.message];
      }
    }
    return result;
  }

  unary(target, method, requestType, responseType, request, { token, timeoutMs, metadata, summary } = {}) {
    const req = this.type(requestType);
    const res = this.type(responseType);
    const md = new grpc.Metadata();
    for (const [key, value] of metadata || []) md.add(key, value);
    if (token) md.add('authorization', `Bearer ${token}`);
    return new Promise((resolve) => {
      let initial = null;
      let trailing = null;
      let outcome = null;
      let pending = 2;
      // The callback and the 'status' event come in either order; report once both are in.
      const finish = () => {
        if (--pending > 0) return;
        const [error, response] = outcome;
        if (error) {
          resolve({
            code: error.code, details: error.details,
            metadata: appMetadata(initial, error.metadata),
            status_details: this.statusDetails(error.metadata),
          });
          return;
        }
        resolve({
          code: 0, metadata: appMetadata(initial, trailing),
          response: summary ? summary(response) : b64(res.encode(response).finish()),
        });
      };
      const call = this.client(target).makeUnaryRequest(
        method, (v) => Buffer.from(req.encode(req.fromObject(v)).finish()), (b) => res.decode(b), request, md,
        { deadline: deadline(timeoutMs) },
        (error, response) => {
          outcome = [error, response];
          finish();
        });
      call.on('metadata', (m) => { initial = m; });
      call.on('status', (s) => {
        trailing = s.metadata;
        finish();
      });
    });
  }

  // Civic services -------------------------------------------------------------------------------

  get_department() {
    return this.unary(this.args.hotline, '/civic.hotline.v1.DepartmentService/GetDepartment', 'civic.hotline.v1.GetDepartmentRequest',
      'civic.hotline.v1.GetDepartmentResponse', { id: this.args.departmentId });
  }

  list_departments() {
    return this.unary(this.args.hotline, '/civic.hotline.v1.DepartmentService/ListDepartments', 'civic.hotline.v1.ListDepartmentsRequest',
      'civic.hotline.v1.ListDepartmentsResponse', { page: { pageSize: 2 } },
      { summary: (r) => ({ count: r.departments.length, has_next: (r.page?.nextPageToken || '') !== '' }) });
  }

  get_department_not_found() {
    return this.unary(this.args.hotline, '/civic.hotline.v1.DepartmentService/GetDepartment', 'civic.hotline.v1.GetDepartmentRequest',
      'civic.hotline.v1.GetDepartmentResponse', { id: 'findes-ikke' });
  }

  create_department_invalid() {
    return this.unary(this.args.hotline, '/civic.hotline.v1.DepartmentService/CreateDepartment', 'civic.hotline.v1.CreateDepartmentRequest',
      'civic.hotline.v1.CreateDepartmentResponse', { code: 'Ugyldig Kode', name: { da: '', en: 'x' } }, { token: this.args.adminToken });
  }

  create_department_unauthenticated() {
    return this.unary(this.args.hotline, '/civic.hotline.v1.DepartmentService/CreateDepartment', 'civic.hotline.v1.CreateDepartmentRequest',
      'civic.hotline.v1.CreateDepartmentResponse', { code: 'anonym' });
  }

  create_department_forbidden() {
    return this.unary(this.args.hotline, '/civic.hotline.v1.DepartmentService/CreateDepartment', 'civic.hotline.v1.CreateDepartmentRequest',
      'civic.hotline.v1.CreateDepartmentResponse', { code: 'borger' }, { token: this.args.citizenToken });
  }

  create_department_ok() {
    const code = `grpc-js-${this.args.suffix}`;
    return this.unary(this.args.hotline, '/civic.hotline.v1.DepartmentService/CreateDepartment', 'civic.hotline.v1.CreateDepartmentRequest',
      'civic.hotline.v1.CreateDepartmentResponse', { code, name: { da: 'Via grpc-js', en: 'Via grpc-js' }, directorName: 'Jens Js' },
      { token: this.args.adminToken, summary: (r) => ({ code_matches: r.department.code === code, name: r.department.name.da }) });
  }

  get_case_as_staff() {
    return this.unary(this.args.panel, '/civic.panel.v1.CaseService/GetCase', 'civic.panel.v1.GetCaseRequest',
      'civic.panel.v1.GetCaseResponse', { id: this.args.caseId }, { token: this.args.staffToken });
  }

  search_anonymous() {
    return this.unary(this.args.network, '/civic.network.v1.ResourcePersonService/SearchResourcePersons', 'civic.network.v1.SearchResourcePersonsRequest',
      'civic.network.v1.SearchResourcePersonsResponse', { query: 'familiesamråd' },
      { summary: (r) => r.resourcePersons.map((p) => p.id).sort() });
  }

  invalid_token() {
    return this.unary(this.args.hotline, '/civic.hotline.v1.DepartmentService/ListDepartments', 'civic.hotline.v1.ListDepartmentsRequest',
      'civic.hotline.v1.ListDepartmentsResponse', {}, { token: 'ikke.et.token' });
  }

  // The transport test service: deadlines, metadata, streams ---------------------------------------

  testUnary(request, options) {
    return this.unary(this.args.testing, '/civic.testing.v1.TestService/UnaryCall', 'civic.testing.v1.UnaryCallRequest',
      'civic.testing.v1.UnaryCallResponse', request, options);
  }

  async deadline_propagated() {
    const result = await this.testUnary({ payload: Buffer.from('d') }, { timeoutMs: 5000, summary: (r) => Number(r.deadlineMs) });
    const seen = result.response;
    delete result.response;
    // As in the grpcio peer: a little over 5 s allows for a client that rounds its grpc-timeout up.
    result.deadline_within_budget = seen !== undefined && seen > 3000 && seen <= 5050;
    if (!result.deadline_within_budget) result.deadline_seen_ms = seen;
    return result;
  }

  async deadline_exceeded() {
    const result = await this.testUnary({ delayMs: 5000 }, { timeoutMs: 500 });
    // The client writes its own message with timings in it; the code is what must match.
    delete result.details;
    return result;
  }

  metadata_round_trip() {
    return this.testUnary({ payload: Buffer.from('m'), echoMetadata: true },
      { metadata: [['x-echo-text', 'hej verden'], ['x-echo-bin-bin', Buffer.from([0, 1, 2, 253, 254, 255])]], summary: (r) => b64(r.payload) });
  }

  error_with_details() {
    return this.testUnary({ responseStatus: { code: 3, message: 'Æblet må ikke være tomt' }, violationField: 'navn', echoMetadata: true },
      { metadata: [['x-echo-text', 'fejl']] });
  }

  server_streaming() {
    const req = this.type('civic.testing.v1.StreamingOutputCallRequest');
    const res = this.type('civic.testing.v1.StreamingOutputCallResponse');
    return new Promise((resolve) => {
      const messages = [];
      const call = this.client(this.args.testing).makeServerStreamRequest(
        '/civic.testing.v1.TestService/StreamingOutputCall', (v) => Buffer.from(req.encode(req.fromObject(v)).finish()), (b) => res.decode(b),
        { responseSizes: [1, 10, 100, 70000, 3], intervalMs: 150, finalStatus: { code: 9, message: 'Sagen er lukket' } },
        new grpc.Metadata(), { deadline: deadline() });
      call.on('data', (m) => messages.push([m.index, m.payload.length]));
      call.on('error', (e) => resolve({ code: e.code, details: e.details, messages }));
      call.on('end', () => resolve({ code: 0, messages }));
    });
  }

  bidi_ping_pong() {
    const req = this.type('civic.testing.v1.FullDuplexCallRequest');
    const res = this.type('civic.testing.v1.FullDuplexCallResponse');
    const payloads = [0, 1, 2, 3, 4].map((i) => Buffer.alloc(i + 1, i));
    return new Promise((resolve) => {
      const received = [];
      const call = this.client(this.args.testing).makeBidiStreamRequest(
        '/civic.testing.v1.TestService/FullDuplexCall', (v) => Buffer.from(req.encode(req.fromObject(v)).finish()), (b) => res.decode(b),
        new grpc.Metadata(), { deadline: deadline() });
      // The next request goes only after the previous answer: proves the answers flow while requests are still open.
      call.on('data', (m) => {
        received.push(Buffer.from(m.payload));
        if (received.length < payloads.length) {
          call.write({ payload: payloads[received.length] });
        } else {
          call.end();
        }
      });
      call.on('error', (e) => resolve({ code: e.code, details: e.details }));
      call.on('end', () => resolve({ code: 0, payloads_match: received.length === payloads.length && received.every((p, i) => p.equals(payloads[i])) }));
      call.write({ payload: payloads[0] });
    });
  }
}

const CASES = [
  'get_department', 'list_departments', 'get_department_not_found', 'create_department_invalid',
  'create_department_unauthenticated', 'create_department_forbidden', 'create_department_ok', 'get_case_as_staff',
  'search_anonymous', 'invalid_token', 'deadline_propagated', 'deadline_exceeded', 'metadata_round_trip',
  'error_with_details', 'server_streaming', 'bidi_ping_pong',
];

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cases = new Cases(loadProtos(args.protoRoots), args);
  for (const name of CASES) {
    let result;
    try {
      result = await cases[name]();
    } catch (error) {
      result = { harness_error: String(error && error.stack ? error.stack : error) };
    }
    result.case = name;
    process.stdout.write(JSON.stringify(result) + '\n');
  }
  for (const client of cases.clients.values()) client.close();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(1);
});
