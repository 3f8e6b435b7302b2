using System.Reflection;
using Civic.Gateway.Pages.Panel;
using Civic.Panel.Audit;

namespace Civic.Gateway.Tests.Panel;

/// <summary>The administrators' audit page names every action the Panel service records, in Danish and English.</summary>
public sealed class AuditActionNamesTests
{
    public static TheoryData<string> Actions => new(typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(Actions))]
    public void ActionName_EveryPanelAuditAction_NamedInBothLanguages(string action)
    {
        var name = PanelOversightText.ActionName(action);

        Assert.NotNull(name);
        Assert.False(string.IsNullOrWhiteSpace(name.Da));
        Assert.False(string.IsNullOrWhiteSpace(name.En));
    }
}
