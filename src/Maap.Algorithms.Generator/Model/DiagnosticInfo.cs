using Microsoft.CodeAnalysis;

namespace Maap.Algorithms.Generator.Model;

/// <summary>A diagnostic as plain values, turned into a <see cref="Diagnostic"/> only when reported.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs) =>
        new(descriptor.Id, LocationInfo.From(location), new EquatableArray<string>(messageArgs));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            Diagnostics.DiagnosticDescriptors.ById(DescriptorId),
            Location?.ToLocation(),
            messageArgs: System.Linq.Enumerable.ToArray<object>(MessageArgs));
}
