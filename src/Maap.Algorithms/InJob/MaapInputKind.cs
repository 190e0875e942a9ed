namespace Maap.Algorithms;

/// <summary>How an algorithm input reaches the running job (spec §12.2).</summary>
public enum MaapInputKind
{
    /// <summary>A command-line argument of the run command, in registration order.</summary>
    Positional = 0,

    /// <summary>A URL DPS downloads into the job's <c>input/</c> folder.</summary>
    File = 1,

    /// <summary>A top-level key of the job's <c>_context.json</c>.</summary>
    Config = 2,
}
