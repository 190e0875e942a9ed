namespace Maap.Algorithms;

/// <summary>One product a job published: an <c>output-…</c> folder on success, or a <c>triaged_job-…</c> dataset on failure.</summary>
public sealed class JobOutput
{
    /// <summary>Creates an output.</summary>
    /// <param name="id">The product id (the WPS <c>Output</c> id).</param>
    /// <param name="urls">The product URLs in the order MAAP sent them.</param>
    public JobOutput(string id, IReadOnlyList<JobOutputUrl> urls)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Urls = urls ?? throw new ArgumentNullException(nameof(urls));
    }

    /// <summary>The product id, for example <c>output-2023-05-10T15:39:51.905070</c>.</summary>
    public string Id { get; }

    /// <summary>Every URL of the product, classified.</summary>
    public IReadOnlyList<JobOutputUrl> Urls { get; }

    /// <summary>The first http(s) URL: a folder whose files a plain GET can fetch (<c>{HttpUrl}/output.tif</c>).</summary>
    public string? HttpUrl => First(JobOutputUrlKind.Http);

    /// <summary>The first <c>s3://</c> URL.</summary>
    public string? S3Url => First(JobOutputUrlKind.S3);

    /// <summary>The S3 console URL.</summary>
    public string? ConsoleUrl => First(JobOutputUrlKind.Console);

    private string? First(JobOutputUrlKind kind)
    {
        foreach (var url in Urls)
        {
            if (url.Kind == kind)
            {
                return url.Value;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
