using System.Collections.Frozen;
using Google.Protobuf.Reflection;

namespace Civic.Rpc.Reflection;

/// <summary>
/// What server reflection can describe: the served services, the proto files that define them and
/// all their transitive imports (well-known types included), every symbol in those files, and their
/// extensions. Built once from the registry; read-only afterwards.
/// </summary>
internal sealed class ReflectionDescriptorIndex
{
    private readonly FrozenDictionary<string, FileDescriptor> _files;
    private readonly FrozenDictionary<string, FileDescriptor> _symbols;
    private readonly FrozenDictionary<string, MessageDescriptor> _messages;
    private readonly FrozenDictionary<(string Extendee, int Number), FileDescriptor> _extensions;

    public ReflectionDescriptorIndex(IEnumerable<ServiceDescriptor> services)
    {
        var served = services.ToList();
        ServiceNames = served.Select(s => s.FullName).Order(StringComparer.Ordinal).ToList();

        var files = new Dictionary<string, FileDescriptor>(StringComparer.Ordinal);
        foreach (var service in served)
        {
            AddWithDependencies(service.File, files);
        }

        var symbols = new Dictionary<string, FileDescriptor>(StringComparer.Ordinal);
        var messages = new Dictionary<string, MessageDescriptor>(StringComparer.Ordinal);
        var extensions = new Dictionary<(string, int), FileDescriptor>();
        foreach (var file in files.Values)
        {
            new FileSymbolCollector(file, symbols, messages, extensions).Collect();
        }

        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
        _symbols = symbols.ToFrozenDictionary(StringComparer.Ordinal);
        _messages = messages.ToFrozenDictionary(StringComparer.Ordinal);
        _extensions = extensions.ToFrozenDictionary();
    }

    /// <summary>Full names of the served services, sorted.</summary>
    public IReadOnlyList<string> ServiceNames { get; }

    public FileDescriptor? FindFile(string fileName) => _files.GetValueOrDefault(fileName);

    /// <summary>The file that defines a service, method, message, enum, enum value, field or extension.</summary>
    public FileDescriptor? FindFileContainingSymbol(string symbol) => _symbols.GetValueOrDefault(TrimLeadingDot(symbol));

    public FileDescriptor? FindFileContainingExtension(string extendee, int number) =>
        _extensions.GetValueOrDefault((TrimLeadingDot(extendee), number));

    /// <summary>The extension numbers known for a message type, or null when the type is unknown.</summary>
    public IReadOnlyList<int>? FindExtensionNumbers(string messageType)
    {
        var name = TrimLeadingDot(messageType);
        if (!_messages.ContainsKey(name))
        {
            return null;
        }

        return _extensions.Keys.Where(k => k.Extendee == name).Select(k => k.Number).Order().ToList();
    }

    private static void AddWithDependencies(FileDescriptor file, Dictionary<string, FileDescriptor> files)
    {
        if (!files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddWithDependencies(dependency, files);
        }
    }

    // Clients may send fully-qualified names in the ".pkg.Type" form used inside descriptors.
    private static string TrimLeadingDot(string name) => name.StartsWith('.') ? name[1..] : name;

    /// <summary>Walks one file and records every symbol it declares.</summary>
    private sealed class FileSymbolCollector(
        FileDescriptor file,
        Dictionary<string, FileDescriptor> symbols,
        Dictionary<string, MessageDescriptor> messages,
        Dictionary<(string, int), FileDescriptor> extensions)
    {
        public void Collect()
        {
            foreach (var service in file.Services)
            {
                Add(service.FullName);
                foreach (var method in service.Methods)
                {
                    Add(method.FullName);
                }
            }

            foreach (var message in file.MessageTypes)
            {
                AddMessage(message);
            }

            foreach (var enumType in file.EnumTypes)
            {
                AddEnum(enumType, file.Package);
            }

            AddExtensions(file.Extensions.UnorderedExtensions);
        }

        private void AddMessage(MessageDescriptor message)
        {
            Add(message.FullName);
            messages.TryAdd(message.FullName, message);
            foreach (var field in message.Fields.InDeclarationOrder())
            {
                Add(field.FullName);
            }

            foreach (var oneof in message.Oneofs)
            {
                Add(oneof.FullName);
            }

            foreach (var nested in message.NestedTypes)
            {
                AddMessage(nested);
            }

            foreach (var enumType in message.EnumTypes)
            {
                AddEnum(enumType, message.FullName);
            }

            AddExtensions(message.Extensions.UnorderedExtensions);
        }

        private void AddEnum(EnumDescriptor enumType, string scope)
        {
            Add(enumType.FullName);
            foreach (var value in enumType.Values)
            {
                // Protobuf scopes enum values as siblings of their enum ("pkg.Msg.VALUE"); Google.Protobuf's
                // full name nests them in the enum ("pkg.Msg.Enum.VALUE"). Both find the file.
                Add(scope.Length == 0 ? value.Name : $"{scope}.{value.Name}");
                Add(value.FullName);
            }
        }

        private void AddExtensions(IEnumerable<FieldDescriptor> declared)
        {
            foreach (var extension in declared)
            {
                Add(extension.FullName);
                extensions.TryAdd((extension.ExtendeeType.FullName, extension.FieldNumber), file);
            }
        }

        private void Add(string symbol) => symbols.TryAdd(symbol, file);
    }
}
