// What the Node peers share: loading .proto files, command-line arguments, base64.
'use strict';

const fs = require('fs');
const path = require('path');

// protobufjs is what @grpc/proto-loader is built on; resolve it through proto-loader so the
// peers need no dependency of their own beyond the repository's package.json.
const protoLoaderDir = path.dirname(require.resolve('@grpc/proto-loader'));
const protobuf = require(require.resolve('protobufjs', { paths: [protoLoaderDir] }));

function loadProtos(protoRoots, files) {
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => {
    for (const dir of protoRoots) {
      const candidate = path.join(dir, target);
      if (fs.existsSync(candidate)) {
        return candidate;
      }
    }
    // Not in our roots: protobufjs serves google/protobuf/*.proto from its bundled copies.
    return target;
  };
  root.loadSync(files);
  root.resolveAll();
  return root;
}

function descriptorTypes() {
  return require(require.resolve('protobufjs/ext/descriptor', { paths: [protoLoaderDir] }));
}

function parseArgs(argv) {
  const args = { suite: null, target: null, compressingTarget: null, protoRoots: [], cases: [] };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--target': args.target = value; i++; break;
      case '--compressing-target': args.compressingTarget = value; i++; break;
      case '--proto-root': args.protoRoots.push(value); i++; break;
      case '--case': args.cases.push(value); i++; break;
      case '--port': args.port = Number(value); i++; break;
      default:
        if (argv[i].startsWith('--')) {
          throw new Error(`Unknown option ${argv[i]}`);
        }
        args.suite = argv[i];
    }
  }
  return args;
}

function b64(bytes) {
  return Buffer.from(bytes).toString('base64');
}

module.exports = { protobuf, loadProtos, descriptorTypes, parseArgs, b64 };
