namespace Maap.Algorithms;

/// <summary>One URL of a job output, classified.</summary>
/// <param name="Value">The URL exactly as MAAP sent it, with XML escapes decoded.</param>
/// <param name="Kind">What the URL points at.</param>
public sealed record JobOutputUrl(string Value, JobOutputUrlKind Kind)
{
    /// <summary>Classifies <paramref name="value"/> by its scheme and host.</summary>
    /// <param name="value">The URL text.</param>
    /// <returns>The classified URL.</returns>
    public static JobOutputUrl Classify(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        JobOutputUrlKind kind;
        if (value.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            kind = JobOutputUrlKind.S3;
        }
        else if (value.StartsWith("https://s3.console.aws.amazon.com/", StringComparison.OrdinalIgnoreCase))
        {
            kind = JobOutputUrlKind.Console;
        }
        else if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            kind = JobOutputUrlKind.Http;
        }
        else
        {
            kind = JobOutputUrlKind.Other;
        }

        return new JobOutputUrl(value, kind);
    }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
