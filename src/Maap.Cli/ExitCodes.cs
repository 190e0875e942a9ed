namespace Maap.Cli;

/// <summary>The <c>maap</c> command's exit codes, stable for scripts.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The job the command reported on did not succeed.</summary>
    public const int JobFailed = 1;

    /// <summary>The command line or a value in it is wrong.</summary>
    public const int Usage = 2;

    /// <summary>
    /// MAAP answered with an error, answered something unreadable, could not be reached or did not answer in time;
    /// or the command failed for another reason outside its command line (e.g. <c>emulator start</c> on a port in use).
    /// </summary>
    public const int ServerError = 3;
}
