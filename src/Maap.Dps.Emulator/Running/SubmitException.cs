namespace Maap.Dps.Emulator.Running;

/// <summary>A submission MAAP refuses with a <c>FailedJobSubmit</c> exception report.</summary>
internal sealed class SubmitException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
