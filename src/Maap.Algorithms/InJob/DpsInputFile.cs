namespace Maap.Algorithms;

/// <summary>A file input of a running DPS job: the URL it was submitted with and where DPS put it.</summary>
/// <param name="InputName">The registered input name.</param>
/// <param name="OriginalUrl">The URL the job was submitted with.</param>
/// <param name="LocalPath">The full path of the downloaded file in the job's <c>input/</c> folder.</param>
public sealed record DpsInputFile(string InputName, string OriginalUrl, string LocalPath);
