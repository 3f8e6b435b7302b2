#!/usr/bin/python3
"""An independent gRPC client (Python grpcio) calling Civic's services, directly or through the gateway.

Runs the same cases against whichever targets it is given and prints one JSON object per line and
case: {"case": name, ...observations}. Run once with the services' own addresses and once with the
gateway's h2c address for all of them; the C# test compares the two reports. It observes; the C#
test decides what is right. A case that crashes the harness reports {"case": name, "harness_error": ...}.

Message modules are generated at start with `protoc --python_out` into a temporary folder.

Usage:
  gateway_grpcio_client.py --hotline H:P --panel H:P --network H:P --testing H:P
      --admin-token T --staff-token T --citizen-token T --suffix S --case-id ID --department-id ID
      --proto-root DIR...
"""

import argparse
import base64
import json
import shutil
import subprocess
import sys
import tempfile
import traceback

import grpc

TIMEOUT = 10.0
PROTOS = [
    "civic/common/v1/common.proto",
    # The rate-limit class declared on RPCs: generated too, as the service modules import it.
    "civic/common/v1/rate_limits.proto",
    "civic/hotline/v1/departments.proto",
    "civic/panel/v1/cases.proto",
    "civic/network/v1/resource_persons.proto",
    "civic/testing/v1/test_service.proto",
    # The contracts' google.api.http annotations: generated too, as the contracts' modules import them.
    "google/api/http.proto",
    "google/api/annotations.proto",
    "google/rpc/status.proto",
    "google/rpc/error_details.proto",
]


class Modules:
    def __init__(self, proto_roots):
        out_dir = tempfile.mkdtemp(prefix="civic-gateway-grpcio-")
        subprocess.run(["protoc", *[f"-I{root}" for root in proto_roots], f"--python_out={out_dir}", *PROTOS], check=True)
        sys.path.insert(0, out_dir)
        from civic.hotline.v1 import departments_pb2  # noqa: E402 (needs the generated folder on sys.path)
        from civic.panel.v1 import cases_pb2  # noqa: E402
        from civic.network.v1 import resource_persons_pb2  # noqa: E402
        from civic.common.v1 import common_pb2  # noqa: E402
        from civic.testing.v1 import test_service_pb2  # noqa: E402
        from google.rpc import error_details_pb2, status_pb2  # noqa: E402

        self.hotline = departments_pb2
        self.panel = cases_pb2
        self.network = resource_persons_pb2
        self.common = common_pb2
        self.status = status_pb2
        self.error_details = error_details_pb2
        self.test = test_service_pb2
        sys.path.remove(out_dir)
        shutil.rmtree(out_dir)


def b64(data):
    return base64.b64encode(data).decode("ascii")


def app_metadata(*groups):
    """The application's own metadata (x-*), binary values in base64, sorted: hop-by-hop headers differ by design."""
    entries = []
    for group in groups:
        for m in group or ():
            if m.key.startswith("x-"):
                entries.append([m.key, b64(m.value) if isinstance(m.value, bytes) else m.value])
    return sorted(entries)


class Cases:
    def __init__(self, modules, args):
        self.m = modules
        self.args = args
        self.channels = {}

    def channel(self, target):
        if target not in self.channels:
            self.channels[target] = grpc.insecure_channel(target)
        return self.channels[target]

    def status_details(self, trailing):
        for m in trailing or ():
            if m.key == "grpc-status-details-bin":
                status = self.m.status.Status.FromString(m.value)
                result = {"code": status.code, "message": status.message, "type_urls": [], "violations": []}
                for detail in status.details:
                    result["type_urls"].append(detail.type_url)
                    if detail.Is(self.m.error_details.BadRequest.DESCRIPTOR):
                        bad = self.m.error_details.BadRequest()
                        detail.Unpack(bad)
                        result["violations"] += [[v.field, v.description] for v in bad.field_violations]
                    elif detail.Is(self.m.error_details.ErrorInfo.DESCRIPTOR):
                        info = self.m.error_details.ErrorInfo()
                        detail.Unpack(info)
                        result["reason"] = info.reason
                    elif detail.Is(self.m.error_details.LocalizedMessage.DESCRIPTOR):
                        localized = self.m.error_details.LocalizedMessage()
                        detail.Unpack(localized)
                        result["localized"] = [localized.locale, localized.message]
                return result
        return None

    def unary(self, target, path, request, response_type, token=None, timeout=TIMEOUT, metadata=(), summary=None):
        stub = self.channel(target).unary_unary(
            path, request_serializer=request.SerializeToString, response_deserializer=response_type.FromString)
        call_metadata = tuple(metadata) + ((("authorization", f"Bearer {token}"),) if token else ())
        try:
            response, call = stub.with_call(request, timeout=timeout, metadata=call_metadata)
        except grpc.RpcError as error:
            return {"code": error.code().value[0], "details": error.details(),
                    "metadata": app_metadata(error.initial_metadata(), error.trailing_metadata()),
                    "status_details": self.status_details(error.trailing_metadata())}
        result = {"code": 0, "metadata": app_metadata(call.initial_metadata(), call.trailing_metadata())}
        result["response"] = summary(response) if summary else b64(response.SerializeToString())
        return result

    # Civic services ---------------------------------------------------------------------------

    def get_department(self):
        m = self.m.hotline
        return self.unary(self.args.hotline, "/civic.hotline.v1.DepartmentService/GetDepartment",
                          m.GetDepartmentRequest(id=self.args.department_id), m.GetDepartmentResponse)

    def list_departments(self):
        m = self.m.hotline
        return self.unary(self.args.hotline, "/civic.hotline.v1.DepartmentService/ListDepartments",
                          m.ListDepartmentsRequest(page=self.m.common.PageRequest(page_size=2)), m.ListDepartmentsResponse,
                          summary=lambda r: {"count": len(r.departments), "has_next": r.page.next_page_token != ""})

    def get_department_not_found(self):
        m = self.m.hotline
        return self.unary(self.args.hotline, "/civic.hotline.v1.DepartmentService/GetDepartment",
                          m.GetDepartmentRequest(id="findes-ikke"), m.GetDepartmentResponse)

    def create_department_invalid(self):
        m = self.m.hotline
        return self.unary(self.args.hotline, "/civic.hotline.v1.DepartmentService/CreateDepartment",
                          m.CreateDepartmentRequest(code="Ugyldig Kode", name=self.m.common.LocalizedText(da="", en="x")),
                          m.CreateDepartmentResponse, token=self.args.admin_token)

    def create_department_unauthenticated(self):
        m = self.m.hotline
        return self.unary(self.args.hotline, "/civic.hotline.v1.DepartmentService/CreateDepartment",
                          m.CreateDepartmentRequest(code="anonym"), m.CreateDepartmentResponse)

    def create_department_forbidden(self):
        m = self.m.hotline
        return self.unary(self.args.hotline, "/civic.hotline.v1.DepartmentService/CreateDepartment",
                          m.CreateDepartmentRequest(code="borger"), m.CreateDepartmentResponse, token=self.args.citizen_token)

    def create_department_ok(self):
        m = self.m.hotline
        code = f"grpcio-{self.args.suffix}"
        return self.unary(self.args.hotline, "/civic.hotline.v1.DepartmentService/CreateDepartment",
                          m.CreateDepartmentRequest(code=code, name=self.m.common.LocalizedText(da="Via grpcio", en="Via grpcio"),
                                                    director_name="Gitte Grpc"),
                          m.CreateDepartmentResponse, token=self.args.admin_token,
                          summary=lambda r: {"code_matches": r.department.code == code, "name": r.department.name.da})

    def get_case_as_staff(self):
        m = self.m.panel
        return self.unary(self.args.panel, "/civic.panel.v1.CaseService/GetCase",
                          m.GetCaseRequest(id=self.args.case_id), m.GetCaseResponse, token=self.args.staff_token)

    def search_anonymous(self):
        m = self.m.network
        return self.unary(self.args.network, "/civic.network.v1.ResourcePersonService/SearchResourcePersons",
                          m.SearchResourcePersonsRequest(query="familiesamråd"), m.SearchResourcePersonsResponse,
                          summary=lambda r: sorted(p.id for p in r.resource_persons))

    def invalid_token(self):
        m = self.m.hotline
        return self.unary(self.args.hotline, "/civic.hotline.v1.DepartmentService/ListDepartments",
                          m.ListDepartmentsRequest(), m.ListDepartmentsResponse, token="ikke.et.token")

    # The transport test service: deadlines, metadata, streams -----------------------------------

    def test_unary(self, request, timeout=TIMEOUT, metadata=(), summary=None):
        return self.unary(self.args.testing, "/civic.testing.v1.TestService/UnaryCall", request,
                          self.m.test.UnaryCallResponse, timeout=timeout, metadata=metadata, summary=summary)

    def deadline_propagated(self):
        result = self.test_unary(self.m.test.UnaryCallRequest(payload=b"d"), timeout=5.0, summary=lambda r: r.deadline_ms)
        seen = result.pop("response", None)
        # grpc core rounds the grpc-timeout it sends up to a few significant digits, so a little over 5 s is fine.
        result["deadline_within_budget"] = seen is not None and 3000 < seen <= 5050
        if not result["deadline_within_budget"]:
            result["deadline_seen_ms"] = seen
        return result

    def deadline_exceeded(self):
        result = self.test_unary(self.m.test.UnaryCallRequest(delay_ms=5000), timeout=0.5)
        # The client writes its own message with timings in it; the code is what must match.
        result.pop("details", None)
        return result

    def metadata_round_trip(self):
        return self.test_unary(
            self.m.test.UnaryCallRequest(payload=b"m", echo_metadata=True),
            metadata=(("x-echo-text", "hej verden"), ("x-echo-bin-bin", bytes([0, 1, 2, 253, 254, 255]))),
            summary=lambda r: b64(r.payload))

    def error_with_details(self):
        return self.test_unary(self.m.test.UnaryCallRequest(
            response_status=self.m.test.EchoStatus(code=3, message="Æblet må ikke være tomt"), violation_field="navn",
            echo_metadata=True), metadata=(("x-echo-text", "fejl"),))

    def server_streaming(self):
        stub = self.channel(self.args.testing).unary_stream(
            "/civic.testing.v1.TestService/StreamingOutputCall",
            request_serializer=self.m.test.StreamingOutputCallRequest.SerializeToString,
            response_deserializer=self.m.test.StreamingOutputCallResponse.FromString)
        call = stub(self.m.test.StreamingOutputCallRequest(
            response_sizes=[1, 10, 100, 70000, 3], interval_ms=150,
            final_status=self.m.test.EchoStatus(code=9, message="Sagen er lukket")), timeout=TIMEOUT)
        messages = []
        try:
            for message in call:
                messages.append([message.index, len(message.payload)])
        except grpc.RpcError as error:
            return {"code": error.code().value[0], "details": error.details(), "messages": messages}
        return {"code": 0, "messages": messages}

    def bidi_ping_pong(self):
        import queue
        answered = queue.Queue()
        payloads = [bytes([i]) * (i + 1) for i in range(5)]

        def requests():
            for payload in payloads:
                yield self.m.test.FullDuplexCallRequest(payload=payload)
                answered.get(timeout=TIMEOUT)

        stub = self.channel(self.args.testing).stream_stream(
            "/civic.testing.v1.TestService/FullDuplexCall",
            request_serializer=self.m.test.FullDuplexCallRequest.SerializeToString,
            response_deserializer=self.m.test.FullDuplexCallResponse.FromString)
        received = []
        try:
            for response in stub(requests(), timeout=TIMEOUT):
                received.append(response.payload)
                answered.put(True)
        except grpc.RpcError as error:
            return {"code": error.code().value[0], "details": error.details()}
        return {"code": 0, "payloads_match": received == payloads}


CASES = [
    "get_department", "list_departments", "get_department_not_found", "create_department_invalid",
    "create_department_unauthenticated", "create_department_forbidden", "create_department_ok", "get_case_as_staff",
    "search_anonymous", "invalid_token", "deadline_propagated", "deadline_exceeded", "metadata_round_trip",
    "error_with_details", "server_streaming", "bidi_ping_pong",
]


def main():
    parser = argparse.ArgumentParser()
    for name in ["hotline", "panel", "network", "testing", "admin-token", "staff-token", "citizen-token", "suffix", "case-id", "department-id"]:
        parser.add_argument(f"--{name}", required=True)
    parser.add_argument("--proto-root", action="append", default=[])
    args = parser.parse_args()
    cases = Cases(Modules(args.proto_root), args)
    for name in CASES:
        try:
            result = getattr(cases, name)()
        except Exception:  # noqa: BLE001 (any crash is reported as the case's harness error)
            result = {"harness_error": traceback.format_exc()}
        result["case"] = name
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
