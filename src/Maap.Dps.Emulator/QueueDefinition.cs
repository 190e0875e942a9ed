namespace Maap.Dps.Emulator;

/// <summary>A DPS queue the emulator runs jobs on.</summary>
/// <param name="Name">The queue name, for example <c>maap-dps-worker-8gb</c>.</param>
/// <param name="Workers">How many jobs of this queue run at once; further jobs wait as <c>Accepted</c>.</param>
/// <param name="TimeLimit">
/// The longest a job may run; when it is exceeded the job's process tree is killed and the job fails with exit
/// code 143, as a DPS soft time limit does. Null means no limit.
/// </param>
public sealed record QueueDefinition(string Name, int Workers, TimeSpan? TimeLimit);
