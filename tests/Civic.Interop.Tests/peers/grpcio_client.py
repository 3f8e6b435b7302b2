#!/usr/bin/python3
"""An independent gRPC client (Python grpcio) calling a Civic server.

Runs every interop case of one suite and prints one JSON object per line and case:
{"case": name, ...observations}. It observes and reports; the C# tests decide what is right.
A case that crashes the harness reports {"case": name, "harness_error": traceback}.

Message modules are generated at start with `protoc --python_out` into a temporary folder, so
nothing generated is kept in the repository and no grpc protoc plugin is needed: calls go through
`channel.unary_unary(path, ...)` and friends.

Usage:
  grpcio_client.py core --target HOST:PORT --compressing-target HOST:PORT --proto-root DIR...
  grpcio_client.py health_reflection --target HOST:PORT --proto-root DIR...
"""

import argparse
import base64
import importlib.util
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import traceback

import grpc

SERVICE = "civic.testing.v1.TestService"
TIMEOUT = 10.0
DANISH = "Æblet må ikke være tomt"
SPECIAL = '100% sikker? "citat" ~ tab\there, ny linje\r\n, 日本語 and a trailing %'
REQUEST_LIMIT = 256 * 1024
LONG_MESSAGE = "æ" * 12000

PROTOS = [
    "civic/testing/v1/test_service.proto",
    "google/rpc/status.proto",
    "google/rpc/error_details.proto",
    "grpc/health/v1/health.proto",
    "grpc/reflection/v1/reflection.proto",
    "grpc/reflection/v1alpha/reflection.proto",
]


def load_module(out_dir, relative_path, name):
    # grpc/health/... and grpc/reflection/... would collide with the installed grpc package,
    # so generated modules are loaded by file path under names of their own.
    spec = importlib.util.spec_from_file_location(name, os.path.join(out_dir, relative_path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Modules:
    def __init__(self, proto_roots):
        out_dir = tempfile.mkdtemp(prefix="civic-grpcio-")
        command = ["protoc", *[f"-I{root}" for root in proto_roots], f"--python_out={out_dir}", *PROTOS]
        subprocess.run(command, check=True)
        # google.rpc merges into the installed google namespace package (no __init__.py in either).
        sys.path.insert(0, out_dir)
        self.test = load_module(out_dir, "civic/testing/v1/test_service_pb2.py", "civic_test_service_pb2")
        from google.rpc import error_details_pb2, status_pb2  # noqa: E402 (needs the generated folder on sys.path)

        self.status = status_pb2
        self.error_details = error_details_pb2
        self.health = load_module(out_dir, "grpc/health/v1/health_pb2.py", "civic_health_pb2")
        self.reflection_v1 = load_module(out_dir, "grpc/reflection/v1/reflection_pb2.py", "civic_reflection_v1_pb2")
        self.reflection_v1alpha = load_module(
            out_dir, "grpc/reflection/v1alpha/reflection_pb2.py", "civic_reflection_v1alpha_pb2")
        # Everything is imported: the generated files are no longer needed.
        sys.path.remove(out_dir)
        shutil.rmtree(out_dir)


def b64(data):
    return base64.b64encode(data).decode("ascii")


def metadata_list(metadata):
    """[[key, value]] with binary values as padded standard base64."""
    return [[m.key, b64(m.value) if isinstance(m.value, bytes) else m.value] for m in (metadata or ())]


def case_metadata(name, *extra):
    return (("x-case", name),) + tuple(extra)


def error_result(error):
    return {
        "code": error.code().value[0],
        "details": error.details(),
        "initial_metadata": metadata_list(error.initial_metadata()),
        "trailing_metadata": metadata_list(error.trailing_metadata()),
    }


class CoreCases:
    def __init__(self, modules, target, channel, compressing_channel):
        self.target = target
        self.pb = modules.test
        self.status_pb = modules.status
        self.details_pb = modules.error_details
        self.channel = channel
        self.compressing_channel = compressing_channel

    def unary(self, channel=None, path=f"/{SERVICE}/UnaryCall"):
        return (channel or self.channel).unary_unary(
            path,
            request_serializer=self.pb.UnaryCallRequest.SerializeToString,
            response_deserializer=self.pb.UnaryCallResponse.FromString)

    def server_streaming(self):
        return self.channel.unary_stream(
            f"/{SERVICE}/StreamingOutputCall",
            request_serializer=self.pb.StreamingOutputCallRequest.SerializeToString,
            response_deserializer=self.pb.StreamingOutputCallResponse.FromString)

    def client_streaming(self):
        return self.channel.stream_unary(
            f"/{SERVICE}/StreamingInputCall",
            request_serializer=self.pb.StreamingInputCallRequest.SerializeToString,
            response_deserializer=self.pb.StreamingInputCallResponse.FromString)

    def bidi_streaming(self):
        return self.channel.stream_stream(
            f"/{SERVICE}/FullDuplexCall",
            request_serializer=self.pb.FullDuplexCallRequest.SerializeToString,
            response_deserializer=self.pb.FullDuplexCallResponse.FromString)

    def call_unary(self, name, request, channel=None, path=None, timeout=TIMEOUT, extra_metadata=(), **kwargs):
        stub = self.unary(channel, path) if path else self.unary(channel)
        try:
            response, call = stub.with_call(
                request, timeout=timeout, metadata=case_metadata(name, *extra_metadata), **kwargs)
        except grpc.RpcError as error:
            return error_result(error)
        return {
            "code": 0,
            "payload": b64(response.payload),
            "deadline_ms": response.deadline_ms,
            "initial_metadata": metadata_list(call.initial_metadata()),
            "trailing_metadata": metadata_list(call.trailing_metadata()),
        }

    def read_stream(self, call):
        messages = []
        try:
            for message in call:
                messages.append(message)
        except grpc.RpcError as error:
            return messages, error_result(error)
        return messages, {"code": 0}

    # Cases -----------------------------------------------------------------------------------

    def unary_ok(self):
        return self.call_unary("unary_ok", self.pb.UnaryCallRequest(payload=b"hej fra peer"))

    def unary_no_deadline(self):
        return self.call_unary("unary_no_deadline", self.pb.UnaryCallRequest(payload=b"x"), timeout=None)

    def unary_empty_request(self):
        # Every field at its default: the request is a zero-length message.
        return self.call_unary("unary_empty_request", self.pb.UnaryCallRequest())

    def deadline_propagated(self):
        return self.call_unary("deadline_propagated", self.pb.UnaryCallRequest(payload=b"d"), timeout=5.0)

    def large_messages(self):
        payload = bytes(i % 251 for i in range(200 * 1024))
        result = self.call_unary("large_messages", self.pb.UnaryCallRequest(payload=payload))
        result["payload_matches"] = result.get("payload") == b64(payload)
        result.pop("payload", None)
        return result

    def server_streaming_ok(self):
        call = self.server_streaming()(
            self.pb.StreamingOutputCallRequest(response_sizes=[1, 10, 100, 1000, 70000]),
            timeout=TIMEOUT, metadata=case_metadata("server_streaming_ok"))
        messages, result = self.read_stream(call)
        result["messages"] = [[m.index, len(m.payload)] for m in messages]
        return result

    def server_streaming_empty_message(self):
        # {index: 0, payload: empty} serializes to zero bytes: a frame with length 0.
        call = self.server_streaming()(
            self.pb.StreamingOutputCallRequest(response_sizes=[0, 0]),
            timeout=TIMEOUT, metadata=case_metadata("server_streaming_empty_message"))
        messages, result = self.read_stream(call)
        result["messages"] = [[m.index, len(m.payload)] for m in messages]
        return result

    def server_streaming_no_messages(self):
        call = self.server_streaming()(
            self.pb.StreamingOutputCallRequest(), timeout=TIMEOUT,
            metadata=case_metadata("server_streaming_no_messages"))
        messages, result = self.read_stream(call)
        result["messages"] = [[m.index, len(m.payload)] for m in messages]
        return result

    def server_streaming_error_after_messages(self):
        call = self.server_streaming()(
            self.pb.StreamingOutputCallRequest(
                response_sizes=[1, 2], final_status=self.pb.EchoStatus(code=9, message="Sagen er lukket")),
            timeout=TIMEOUT, metadata=case_metadata("server_streaming_error_after_messages"))
        messages, result = self.read_stream(call)
        result["messages"] = [[m.index, len(m.payload)] for m in messages]
        return result

    def client_streaming_ok(self):
        requests = (self.pb.StreamingInputCallRequest(payload=bytes(size)) for size in [1, 2, 3, 4, 5000])
        try:
            response = self.client_streaming()(
                requests, timeout=TIMEOUT, metadata=case_metadata("client_streaming_ok"))
        except grpc.RpcError as error:
            return error_result(error)
        return {"code": 0, "aggregated_payload_size": response.aggregated_payload_size,
                "message_count": response.message_count}

    def client_streaming_no_messages(self):
        try:
            response = self.client_streaming()(
                iter(()), timeout=TIMEOUT, metadata=case_metadata("client_streaming_no_messages"))
        except grpc.RpcError as error:
            return error_result(error)
        return {"code": 0, "aggregated_payload_size": response.aggregated_payload_size,
                "message_count": response.message_count}

    def bidi_ping_pong(self):
        # The next request is sent only after the previous response arrived: proves the server
        # answers while the request stream is still open (true full duplex).
        answered = queue.Queue()
        payloads = [bytes([i]) * (i + 1) for i in range(5)]

        def requests():
            for payload in payloads:
                yield self.pb.FullDuplexCallRequest(payload=payload)
                answered.get(timeout=TIMEOUT)

        call = self.bidi_streaming()(requests(), timeout=TIMEOUT, metadata=case_metadata("bidi_ping_pong"))
        received = []
        try:
            for response in call:
                received.append(response.payload)
                answered.put(True)
        except grpc.RpcError as error:
            result = error_result(error)
        else:
            result = {"code": 0}
        result["payloads_match"] = received == payloads
        result["received"] = len(received)
        return result

    def error_status_danish(self):
        return self.call_unary("error_status_danish", self.pb.UnaryCallRequest(
            response_status=self.pb.EchoStatus(code=3, message=DANISH)))

    def error_status_special_characters(self):
        result = self.call_unary("error_status_special_characters", self.pb.UnaryCallRequest(
            response_status=self.pb.EchoStatus(code=9, message=SPECIAL)))
        result["expected"] = SPECIAL
        return result

    def error_status_long_message(self):
        # 12,000 'æ' percent-encode to 72 KB of grpc-message: more than grpc core's 8 KiB metadata
        # limit and nghttp2's 64 KiB header-field limit. A fresh channel keeps other cases unharmed.
        with grpc.insecure_channel(self.target) as channel:
            return self.call_unary("error_status_long_message", self.pb.UnaryCallRequest(
                response_status=self.pb.EchoStatus(code=3, message=LONG_MESSAGE)), channel=channel, timeout=3.0)

    def error_details(self):
        result = self.call_unary("error_details", self.pb.UnaryCallRequest(
            response_status=self.pb.EchoStatus(code=3, message=DANISH), violation_field="navn"))
        raw = None
        for key, value in result.get("trailing_metadata", []):
            if key == "grpc-status-details-bin":
                raw = base64.b64decode(value)
        if raw is None:
            result["status_details"] = None
            return result
        status = self.status_pb.Status.FromString(raw)
        violations = []
        type_urls = []
        for detail in status.details:
            type_urls.append(detail.type_url)
            if detail.Is(self.details_pb.BadRequest.DESCRIPTOR):
                bad_request = self.details_pb.BadRequest()
                detail.Unpack(bad_request)
                violations += [[v.field, v.description] for v in bad_request.field_violations]
        result["status_details"] = {"code": status.code, "message": status.message,
                                    "type_urls": type_urls, "field_violations": violations}
        return result

    def deadline_exceeded(self):
        return self.call_unary("deadline_exceeded", self.pb.UnaryCallRequest(delay_ms=5000), timeout=0.3)

    def metadata_round_trip(self):
        return self.call_unary(
            "metadata_round_trip", self.pb.UnaryCallRequest(payload=b"m", echo_metadata=True),
            extra_metadata=(("x-echo-text", "hej verden"),
                            ("x-echo-bin-bin", bytes([0, 1, 2, 253, 254, 255])),
                            ("x-echo-multi", "en"), ("x-echo-multi", "to")))

    def metadata_repeated_binary(self):
        # A -bin key with two values.
        return self.call_unary(
            "metadata_repeated_binary", self.pb.UnaryCallRequest(payload=b"m", echo_metadata=True),
            extra_metadata=(("x-echo-multi-bin", b"\x01"), ("x-echo-multi-bin", b"\x02\x03")))

    def metadata_with_error(self):
        return self.call_unary(
            "metadata_with_error",
            self.pb.UnaryCallRequest(echo_metadata=True, response_status=self.pb.EchoStatus(code=5, message="Ikke fundet")),
            extra_metadata=(("x-echo-text", "fejl"), ("x-echo-bin-bin", b"\xff\x00")))

    def request_too_large(self):
        return self.call_unary("request_too_large", self.pb.UnaryCallRequest(payload=bytes(REQUEST_LIMIT + 50 * 1024)))

    def response_too_large(self):
        return self.call_unary("response_too_large", self.pb.UnaryCallRequest(response_size=REQUEST_LIMIT + 50 * 1024))

    def unknown_method(self):
        return self.call_unary("unknown_method", self.pb.UnaryCallRequest(), path=f"/{SERVICE}/NoSuchMethod")

    def unknown_service(self):
        return self.call_unary("unknown_service", self.pb.UnaryCallRequest(), path="/civic.testing.v1.NoSuchService/UnaryCall")

    def handler_throws(self):
        return self.call_unary("handler_throws", self.pb.UnaryCallRequest(throw_exception=True))

    def gzip_request(self):
        payload = b"Borgerpanelet " * 1000
        result = self.call_unary("gzip_request", self.pb.UnaryCallRequest(payload=payload), compression=grpc.Compression.Gzip)
        result["payload_matches"] = result.get("payload") == b64(payload)
        result.pop("payload", None)
        return result

    def deflate_request_rejected(self):
        # Legal for the client, unsupported by Civic: the spec asks for UNIMPLEMENTED and grpc-accept-encoding.
        return self.call_unary("deflate_request_rejected", self.pb.UnaryCallRequest(payload=b"deflate"),
                               compression=grpc.Compression.Deflate)

    def gzip_response(self):
        result = self.call_unary("gzip_response", self.pb.UnaryCallRequest(response_size=20000), channel=self.compressing_channel)
        result["payload_matches"] = result.get("payload") == b64(bytes(20000))
        result.pop("payload", None)
        return result

    def cancel_server_stream(self):
        call = self.server_streaming()(
            self.pb.StreamingOutputCallRequest(response_sizes=[10] * 50, interval_ms=100),
            timeout=TIMEOUT, metadata=case_metadata("cancel_server_stream"))
        first = next(call)
        call.cancel()
        _, result = self.read_stream(call)
        result["first_index"] = first.index
        # The channel (and the server) must still serve calls after the cancellation.
        after = self.call_unary("cancel_server_stream_after", self.pb.UnaryCallRequest(payload=b"efter"))
        result["after_code"] = after["code"]
        return result

    def concurrent_calls(self):
        stub = self.unary()
        futures = [
            stub.future(self.pb.UnaryCallRequest(payload=bytes([i]) * 10, delay_ms=200), timeout=TIMEOUT,
                        metadata=case_metadata("concurrent_calls"))
            for i in range(20)
        ]
        correct = 0
        codes = []
        for i, future in enumerate(futures):
            try:
                correct += future.result().payload == bytes([i]) * 10
                codes.append(0)
            except grpc.RpcError as error:
                codes.append(error.code().value[0])
        return {"code": max(codes), "codes": codes, "correct": correct}


class HealthReflectionCases:
    def __init__(self, modules, channel):
        self.modules = modules
        self.channel = channel

    def health_check(self, service):
        health = self.modules.health
        stub = self.channel.unary_unary(
            "/grpc.health.v1.Health/Check",
            request_serializer=health.HealthCheckRequest.SerializeToString,
            response_deserializer=health.HealthCheckResponse.FromString)
        try:
            response = stub(health.HealthCheckRequest(service=service), timeout=TIMEOUT)
        except grpc.RpcError as error:
            return error_result(error)
        return {"code": 0, "status": health.HealthCheckResponse.ServingStatus.Name(response.status)}

    def health_check_server(self):
        return self.health_check("")

    def health_check_service(self):
        return self.health_check(SERVICE)

    def health_check_unknown_service(self):
        return self.health_check("civic.testing.v1.NoSuchService")

    def health_watch(self):
        health = self.modules.health
        stub = self.channel.unary_stream(
            "/grpc.health.v1.Health/Watch",
            request_serializer=health.HealthCheckRequest.SerializeToString,
            response_deserializer=health.HealthCheckResponse.FromString)
        call = stub(health.HealthCheckRequest(service=""), timeout=TIMEOUT)
        try:
            first = next(call)
        except grpc.RpcError as error:
            return error_result(error)
        call.cancel()
        return {"code": 0, "status": health.HealthCheckResponse.ServingStatus.Name(first.status)}

    def reflection(self, module, version):
        stub = self.channel.stream_stream(
            f"/grpc.reflection.{version}.ServerReflection/ServerReflectionInfo",
            request_serializer=module.ServerReflectionRequest.SerializeToString,
            response_deserializer=module.ServerReflectionResponse.FromString)
        requests = [
            module.ServerReflectionRequest(list_services=""),
            module.ServerReflectionRequest(file_containing_symbol=SERVICE),
            module.ServerReflectionRequest(file_containing_symbol=f"{SERVICE}.UnaryCall"),
            module.ServerReflectionRequest(file_containing_symbol="civic.testing.v1.UnaryCallRequest"),
            module.ServerReflectionRequest(file_by_filename="civic/testing/v1/test_service.proto"),
            module.ServerReflectionRequest(file_containing_symbol="civic.testing.v1.NoSuchThing"),
        ]
        try:
            responses = list(stub(iter(requests), timeout=TIMEOUT))
        except grpc.RpcError as error:
            return error_result(error)
        return {"code": 0, "responses": [self.describe_reflection(r) for r in responses]}

    @staticmethod
    def describe_reflection(response):
        from google.protobuf import descriptor_pb2

        kind = response.WhichOneof("message_response")
        described = {"kind": kind, "original": response.original_request.WhichOneof("message_request")}
        if kind == "list_services_response":
            described["services"] = [s.name for s in response.list_services_response.service]
        elif kind == "file_descriptor_response":
            files = []
            for raw in response.file_descriptor_response.file_descriptor_proto:
                proto = descriptor_pb2.FileDescriptorProto.FromString(raw)
                files.append({
                    "name": proto.name,
                    "package": proto.package,
                    "dependencies": list(proto.dependency),
                    "messages": [m.name for m in proto.message_type],
                    "services": [{"name": s.name, "methods": [
                        {"name": m.name, "input": m.input_type, "output": m.output_type,
                         "client_streaming": m.client_streaming, "server_streaming": m.server_streaming}
                        for m in s.method]} for s in proto.service],
                })
            described["files"] = files
        elif kind == "error_response":
            described["error_code"] = response.error_response.error_code
        return described

    def reflection_v1(self):
        return self.reflection(self.modules.reflection_v1, "v1")

    def reflection_dynamic_call(self):
        # What grpcurl does: learn the service from reflection alone, then call it with messages
        # built from the returned descriptors. Proves the descriptors are complete and correct.
        from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

        module = self.modules.reflection_v1
        stub = self.channel.stream_stream(
            "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
            request_serializer=module.ServerReflectionRequest.SerializeToString,
            response_deserializer=module.ServerReflectionResponse.FromString)
        try:
            responses = list(stub(iter([module.ServerReflectionRequest(file_containing_symbol=SERVICE)]), timeout=TIMEOUT))
        except grpc.RpcError as error:
            return error_result(error)
        pending = [descriptor_pb2.FileDescriptorProto.FromString(raw)
                   for raw in responses[0].file_descriptor_response.file_descriptor_proto]
        pool = descriptor_pool.DescriptorPool()
        added = set()
        while pending:
            ready = [p for p in pending if all(d in added for d in p.dependency)]
            if not ready:
                return {"code": 0, "unresolved_files": [p.name for p in pending]}
            for proto in ready:
                pool.Add(proto)
                added.add(proto.name)
                pending.remove(proto)
        service = pool.FindServiceByName(SERVICE)
        method = service.methods_by_name["UnaryCall"]
        factory = message_factory.MessageFactory(pool)
        request_class = factory.GetPrototype(method.input_type)
        response_class = factory.GetPrototype(method.output_type)
        call = self.channel.unary_unary(
            f"/{SERVICE}/{method.name}",
            request_serializer=request_class.SerializeToString,
            response_deserializer=response_class.FromString)
        try:
            response = call(request_class(payload="fundet via refleksion".encode()), timeout=TIMEOUT)
        except grpc.RpcError as error:
            return error_result(error)
        return {"code": 0, "methods": [m.name for m in service.methods], "payload": response.payload.decode()}

    def reflection_v1alpha(self):
        return self.reflection(self.modules.reflection_v1alpha, "v1alpha")


def run(cases, names):
    for name in names:
        try:
            result = getattr(cases, name)()
        except Exception:  # noqa: BLE001 (report any harness failure as this case's result)
            result = {"harness_error": traceback.format_exc()}
        print(json.dumps({"case": name, **result}, ensure_ascii=False), flush=True)


CORE = [
    "unary_ok", "unary_no_deadline", "unary_empty_request", "deadline_propagated", "large_messages",
    "server_streaming_ok", "server_streaming_empty_message", "server_streaming_no_messages",
    "server_streaming_error_after_messages", "client_streaming_ok", "client_streaming_no_messages",
    "bidi_ping_pong", "error_status_danish", "error_status_special_characters", "error_status_long_message",
    "error_details",
    "deadline_exceeded", "metadata_round_trip", "metadata_repeated_binary", "metadata_with_error", "request_too_large",
    "response_too_large", "unknown_method", "unknown_service", "handler_throws", "gzip_request",
    "deflate_request_rejected", "gzip_response", "cancel_server_stream", "concurrent_calls",
]

HEALTH_REFLECTION = [
    "health_check_server", "health_check_service", "health_check_unknown_service", "health_watch",
    "reflection_v1", "reflection_v1alpha", "reflection_dynamic_call",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("suite", choices=["core", "health_reflection"])
    parser.add_argument("--target", required=True)
    parser.add_argument("--compressing-target")
    parser.add_argument("--proto-root", action="append", required=True)
    parser.add_argument("--case", action="append", help="run only these cases")
    args = parser.parse_args()

    modules = Modules(args.proto_root)
    with grpc.insecure_channel(args.target) as channel:
        if args.suite == "core":
            with grpc.insecure_channel(args.compressing_target) as compressing:
                run(CoreCases(modules, args.target, channel, compressing), args.case or CORE)
        else:
            run(HealthReflectionCases(modules, channel), args.case or HEALTH_REFLECTION)
    # Leave without waiting for grpcio's background threads.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
