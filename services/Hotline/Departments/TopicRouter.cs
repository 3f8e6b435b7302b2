namespace Civic.Hotline.Departments;

/// <summary>
/// Sends a citizen to the department(s) whose topics match their words; when nothing matches, or the
/// citizen does not know whom to ask, to the departments that take unsure citizens. Plain C#.
/// </summary>
public static class TopicRouter
{
    public const int MaxTopicLength = 200;

    public sealed record Route(IReadOnlyList<Department> Departments, bool ToUnsureDesk);

    public static Route Find(IReadOnlyList<Department> departments, string topic, bool unsure)
    {
        var words = topic.Trim();
        if (!unsure && words.Length > 0)
        {
            // An exact topic ranks before a topic merely contained in the citizen's words (or vice versa).
            var matches = departments
                .Select(d => (Department: d, Rank: Rank(d, words)))
                .Where(m => m.Rank > 0)
                .OrderByDescending(m => m.Rank).ThenBy(m => m.Department.NameDa, StringComparer.Ordinal)
                .Select(m => m.Department)
                .ToList();
            if (matches.Count > 0)
            {
                return new Route(matches, ToUnsureDesk: false);
            }
        }

        return new Route(departments.Where(d => d.TakesUnsureCitizens).OrderBy(d => d.NameDa, StringComparer.Ordinal).ToList(), ToUnsureDesk: true);
    }

    private static int Rank(Department department, string words)
    {
        var best = 0;
        foreach (var topic in department.Topics)
        {
            if (string.Equals(topic, words, StringComparison.OrdinalIgnoreCase))
            {
                return 2;
            }

            if (words.Contains(topic, StringComparison.OrdinalIgnoreCase) || topic.Contains(words, StringComparison.OrdinalIgnoreCase))
            {
                best = 1;
            }
        }

        return best;
    }
}
