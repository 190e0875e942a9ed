using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Maap.Algorithms.Generator.Model;

/// <summary>A source location as plain values: a <see cref="Location"/> would pin the syntax tree and defeat caching.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
