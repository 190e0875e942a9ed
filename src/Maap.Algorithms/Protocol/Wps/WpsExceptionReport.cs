namespace Maap.Algorithms.Protocol.Wps;

/// <summary>The first <c>ows:Exception</c> of an <c>ows:ExceptionReport</c>.</summary>
internal sealed record WpsExceptionReport(string? ExceptionCode, string? Locator, string? Text);
