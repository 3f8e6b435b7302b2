using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Da;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Civic.Network.Search;

/// <summary>
/// Danish words as the search sees them: lower-case runs of letters and digits, Danish stop words
/// dropped, reduced by the Snowball Danish stemmer — the same algorithm as PostgreSQL's "danish"
/// text search configuration, so that SQLite (which has no Danish stemmer) finds what PostgreSQL finds.
/// </summary>
public static class DanishText
{
    /// <summary>The lower-case words of <paramref name="text"/>: letters and digits only, so no search operator survives.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    public static bool IsStopWord(string word) => DanishAnalyzer.DefaultStopSet.Contains(word);

    /// <summary>The Snowball Danish stem of one lower-case word.</summary>
    public static string Stem(string word)
    {
        // The stemmer keeps state per word; one per call is cheap and thread-safe.
        var stemmer = new DanishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>The stems of <paramref name="text"/>'s words that are not stop words.</summary>
    public static IEnumerable<string> Stems(string? text) =>
        Words(text).Where(w => !IsStopWord(w)).Select(Stem);

    /// <summary>The stems of <paramref name="text"/>, space-separated: what the SQLite index stores.</summary>
    public static string StemmedText(string? text) => string.Join(' ', Stems(text));
}
