using System.Text.Json;
using Civic.Testing;
using Grpc.Core;

namespace Civic.Interop.Tests.Harness;

/// <summary>
/// What a peer program reported: one JSON object per line and case. A case the peer did not report
/// (it crashed or hung before it) fails with the peer's own output, so the failure says what broke.
/// </summary>
public sealed class PeerReport
{
    private readonly Dictionary<string, JsonElement> _cases = new(StringComparer.Ordinal);

    private PeerReport(string description, int exitCode, string output, string error)
    {
        Description = description;
        ExitCode = exitCode;
        Error = error;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("case", out var name) && name.GetString() is { } caseName)
                {
                    _cases[caseName] = document.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
                // A stray line (a library's warning on stdout) is not a case; it shows in failures through Error.
                Error += $"\n[stdout] {line}";
            }
        }
    }

    public string Description { get; }

    public int ExitCode { get; }

    public string Error { get; }

    /// <summary>Runs a peer program to completion and collects its report.</summary>
    public static async Task<PeerReport> RunAsync(string description, string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        try
        {
            var (exitCode, output, error) = await ExternalTool.RunAsync(fileName, arguments, timeout, ExternalTool.RepositoryRoot);
            return new PeerReport(description, exitCode, output, error);
        }
        catch (TimeoutException exception)
        {
            return new PeerReport(description, -1, string.Empty, exception.Message);
        }
    }

    /// <summary>The result of one case; fails the test when the peer has none or its harness broke.</summary>
    public PeerCase Case(string name)
    {
        if (!_cases.TryGetValue(name, out var result))
        {
            Assert.Fail($"{Description} reported nothing for case '{name}' (exit code {ExitCode}). Its stderr:\n{Error}");
        }

        if (result.TryGetProperty("harness_error", out var harnessError))
        {
            Assert.Fail($"{Description} broke in case '{name}':\n{harnessError.GetString()}");
        }

        return new PeerCase(name, result);
    }
}

/// <summary>One case's observations, as the peer reported them.</summary>
public sealed class PeerCase(string name, JsonElement json)
{
    public string Name { get; } = name;

    public JsonElement Json { get; } = json;

    public StatusCode Code => (StatusCode)Json.GetProperty("code").GetInt32();

    public string? Details => Json.TryGetProperty("details", out var details) ? details.GetString() : null;

    /// <summary>Response header metadata, binary values in base64.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> InitialMetadata => MetadataList("initial_metadata");

    /// <summary>Trailer metadata, binary values in base64.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> TrailingMetadata => MetadataList("trailing_metadata");

    public JsonElement this[string property] =>
        Json.TryGetProperty(property, out var value) ? value : throw new KeyNotFoundException($"Case '{Name}' has no '{property}': {Json}");

    /// <summary>Asserts the status code, showing everything the peer saw when it differs.</summary>
    public PeerCase AssertCode(StatusCode expected)
    {
        Assert.True(Code == expected, $"Case '{Name}': expected status {expected}, the peer saw {Code}. Everything it saw: {Json}");
        return this;
    }

    /// <summary>All values of a metadata key joined with ", " (HTTP may join repeated header fields so).</summary>
    public static string? Joined(IReadOnlyList<KeyValuePair<string, string>> metadata, string key)
    {
        var values = metadata.Where(e => e.Key == key).Select(e => e.Value).ToList();
        return values.Count == 0 ? null : string.Join(", ", values);
    }

    public override string ToString() => Json.ToString();

    private List<KeyValuePair<string, string>> MetadataList(string property) =>
        !Json.TryGetProperty(property, out var list)
            ? []
            : list.EnumerateArray().Select(e => KeyValuePair.Create(e[0].GetString()!, e[1].GetString()!)).ToList();
}
