namespace Maap.Dps.Emulator.Running;

/// <summary>A registration MAAP would refuse, with the HTTP status it would answer.</summary>
internal sealed class RegistrationException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
