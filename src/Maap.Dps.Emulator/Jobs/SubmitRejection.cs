namespace Maap.Dps.Emulator.Jobs;

/// <summary>Why a submission was refused.</summary>
internal enum SubmitRejection
{
    /// <summary>No algorithm is registered under that name and version.</summary>
    UnknownAlgorithm,

    /// <summary>An input the algorithm declares without a default was not supplied.</summary>
    MissingInput,

    /// <summary>The caller named no queue, or one it may not use.</summary>
    QueueDenied,
}
