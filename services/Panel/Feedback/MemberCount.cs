namespace Civic.Panel.Feedback;

/// <summary>A number of members in words, with the noun in the number's form ("1 panel member", "2 panel members").</summary>
public static class MemberCount
{
    public static string Of(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
