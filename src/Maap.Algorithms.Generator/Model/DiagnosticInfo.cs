using Microsoft.CodeAnalysis;

namespace Maap.Algorithms.Generator.Model;

/// <summary>
/// A diagnostic waiting to be reported. It keeps the real source <see cref="Microsoft.CodeAnalysis.Location"/>
/// (syntax tree + span) because the compiler applies <c>#pragma warning disable</c> only to locations in a
/// tree; a path-only copy would make every MAAP diagnostic unsuppressible. It travels only on the
/// diagnostics output, never in <see cref="AlgorithmSpec"/>, and compares by tree and span, so an edit
/// in another file still leaves it cached.
/// </summary>
internal sealed record DiagnosticInfo(string DescriptorId, Location? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs) =>
        new(descriptor.Id, location, new EquatableArray<string>(messageArgs));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            Diagnostics.DiagnosticDescriptors.ById(DescriptorId),
            Location,
            messageArgs: System.Linq.Enumerable.ToArray<object>(MessageArgs));
}
