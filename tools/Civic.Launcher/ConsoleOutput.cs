using System.Text.Json;

namespace Civic.Launcher;

/// <summary>
/// Writes the launcher's messages and the children's log lines without interleaving them. The
/// services log JSON (for log collectors); here each line is shortened to "[name] level: message".
/// </summary>
public sealed class ConsoleOutput(TextWriter writer)
{
    private readonly Lock _gate = new();

    public void Say(string message)
    {
        lock (_gate)
        {
            writer.WriteLine(message);
        }
    }

    public void ChildLine(string name, string line)
    {
        var text = Readable(line);
        lock (_gate)
        {
            writer.WriteLine($"[{name}] {text}");
        }
    }

    public static string Readable(string line)
    {
        if (!line.StartsWith('{'))
        {
            return line;
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var level = root.TryGetProperty("LogLevel", out var l) ? l.GetString() : null;
            var message = root.TryGetProperty("Message", out var m) ? m.GetString() : null;
            var exception = root.TryGetProperty("Exception", out var e) ? e.GetString() : null;
            if (message is null)
            {
                return line;
            }

            var shortLevel = level switch
            {
                "Information" => "info",
                "Warning" => "warn",
                "Error" => "fail",
                "Critical" => "crit",
                "Debug" => "dbug",
                "Trace" => "trce",
                _ => level ?? "log",
            };
            return exception is null ? $"{shortLevel}: {message}" : $"{shortLevel}: {message}{Environment.NewLine}{exception}";
        }
        catch (JsonException)
        {
            return line;
        }
    }
}
