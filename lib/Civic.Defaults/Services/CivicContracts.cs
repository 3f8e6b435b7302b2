using System.Collections.Frozen;
using System.Reflection;
using Civic.Contracts.Common.V1;
using Google.Protobuf.Reflection;

namespace Civic.Defaults.Services;

/// <summary>
/// Every proto file compiled into Civic.Contracts, found by reflection so that a new contract file is
/// known everywhere (retry policy, JSON API, OpenAPI) without a list to edit.
/// </summary>
public static class CivicContracts
{
    private static readonly Lazy<IReadOnlyList<FileDescriptor>> LazyFiles = new(FindFiles);
    private static readonly Lazy<FrozenSet<string>> LazySafeToRepeat = new(FindSafeToRepeat);

    /// <summary>The proto files of Civic's own packages (civic.*), in a stable order.</summary>
    public static IReadOnlyList<FileDescriptor> Files => LazyFiles.Value;

    /// <summary>Every gRPC service of Civic's contracts.</summary>
    public static IEnumerable<ServiceDescriptor> Services => Files.SelectMany(f => f.Services);

    /// <summary>
    /// True when the RPC at <paramref name="path"/> ("/civic.hotline.v1.DepartmentService/GetDepartment")
    /// declares that repeating it changes nothing (idempotency_level NO_SIDE_EFFECTS or IDEMPOTENT).
    /// </summary>
    public static bool IsSafeToRepeat(string path) => LazySafeToRepeat.Value.Contains(path);

    /// <summary>The gRPC path of <paramref name="method"/>: "/package.Service/Method".</summary>
    public static string PathOf(MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return $"/{method.Service.FullName}/{method.Name}";
    }

    private static List<FileDescriptor> FindFiles() =>
        typeof(CommonReflection).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .Where(f => f.Package.StartsWith("civic.", StringComparison.Ordinal))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    private static FrozenSet<string> FindSafeToRepeat() =>
        Services.SelectMany(s => s.Methods)
            .Where(m => m.GetOptions()?.IdempotencyLevel is MethodOptions.Types.IdempotencyLevel.NoSideEffects or MethodOptions.Types.IdempotencyLevel.Idempotent)
            .Select(PathOf)
            .ToFrozenSet(StringComparer.Ordinal);
}
