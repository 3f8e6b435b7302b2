using System.Text.RegularExpressions;

namespace Civic.Network.Search.InMemory;

/// <summary>
/// The lexemes of a search's tsquery as PostgreSQL prints it ("'facilit':* | 'kommun':*"), in ts_rank's order: byte
/// order, each once. Anything else (an operator the parser made of a word, a quote, a character outside the Basic
/// Multilingual Plane, whose UTF-16 order is not its byte order) is not understood: null, and the SQL answers instead.
/// </summary>
public static partial class TsQueryLexemes
{
    public static IReadOnlyList<string>? Parse(string queryText)
    {
        if (queryText.Length == 0)
        {
            // Only stop words: PostgreSQL's query matches no one.
            return [];
        }

        var lexemes = new List<string>();
        foreach (var item in queryText.Split(" | "))
        {
            var match = PrefixItem().Match(item);
            if (!match.Success || match.Groups[1].Value.Any(char.IsSurrogate))
            {
                return null;
            }

            lexemes.Add(match.Groups[1].Value);
        }

        return lexemes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^'([^'\\ ]+)':\*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixItem();
}
