namespace Maap.Algorithms;

/// <summary>A process's package (<c>GET /api/ogc/processes/{processID}/package</c>): its description and where its CWL came from.</summary>
public sealed class ProcessPackage
{
    /// <summary>The process description text.</summary>
    public string? Description { get; init; }

    /// <summary>The CWL's URL; null when the process was deployed from CWL text, which MAAP cannot give back.</summary>
    public string? CwlHref { get; init; }
}
