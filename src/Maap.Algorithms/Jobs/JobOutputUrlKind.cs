namespace Maap.Algorithms;

/// <summary>What kind of location a job output URL points at.</summary>
public enum JobOutputUrlKind
{
    /// <summary>Not recognised.</summary>
    Other = 0,

    /// <summary>A plain http(s) URL whose files a GET without credentials can fetch.</summary>
    Http,

    /// <summary>An <c>s3://</c> URL (MAAP writes it as <c>s3://{endpoint}:80/{bucket}/{key}</c>).</summary>
    S3,

    /// <summary>A link into the AWS S3 console, for people rather than programs.</summary>
    Console,
}
