using System.Diagnostics;

namespace Maap.Algorithms.Http;

/// <summary>The client's <see cref="ActivitySource"/>: one activity per MAAP call, named after the operation.</summary>
internal static class MaapDiagnostics
{
    public static readonly ActivitySource ActivitySource = new(MaapClient.ActivitySourceName);
}
