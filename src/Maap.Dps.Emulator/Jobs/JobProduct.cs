using Maap.Dps.Emulator.Hosting;

namespace Maap.Dps.Emulator.Jobs;

/// <summary>A product a job staged: its published output folder or its triage folder.</summary>
/// <param name="Id">The product id, <c>output-…</c> or <c>triaged_job-…</c>.</param>
/// <param name="Path">Where it sits in the workspace bucket, relative to the bucket.</param>
/// <param name="FolderPath">The folder path HySDS records as <c>product_folder_path</c>.</param>
internal sealed record JobProduct(string Id, string Path, string FolderPath)
{
    private const string S3Host = "s3-emulator.localhost";
    private const string ConsolePrefix = "https://s3.console.aws.amazon.com/s3/buckets/";

    /// <summary>
    /// The three URLs MAAP lists for a product: http (the bucket's website, here this emulator at
    /// <paramref name="hostRoot"/>), s3 (with <c>:80</c>) and the S3 console.
    /// </summary>
    public IReadOnlyList<string> Urls(string hostRoot)
    {
        var bucketPath = $"{EmulatorPaths.Bucket}/{Path}";
        return
        [
            $"{hostRoot}/{Uri.EscapeDataString(EmulatorPaths.Bucket)}/{string.Join('/', Path.Split('/').Select(Uri.EscapeDataString))}",
            $"s3://{S3Host}:80/{bucketPath}",
            $"{ConsolePrefix}{bucketPath}/?region=us-east-1&tab=overview",
        ];
    }
}
