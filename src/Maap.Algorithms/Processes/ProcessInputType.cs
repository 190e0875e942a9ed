namespace Maap.Algorithms;

/// <summary>The type of a process input, as MAAP's hysds-io names it.</summary>
public enum ProcessInputType
{
    /// <summary>A type word this library does not know; see <see cref="ProcessInput.TypeText"/>.</summary>
    Unknown = 0,

    /// <summary><c>text</c>: a CWL string, File or Directory (pass a URL for files and directories).</summary>
    Text,

    /// <summary><c>number</c>: a CWL int, long, float or double.</summary>
    Number,

    /// <summary><c>boolean</c>.</summary>
    Boolean,

    /// <summary><c>object</c>: a CWL array.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "MAAP's own type word.")]
    Object,
}
