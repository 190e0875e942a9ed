using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Maap.Dps.Emulator.Store;

/// <summary>How a <see cref="JobRecord"/> maps to a row of <c>jobs</c>: the column lists, in order, and the reader.</summary>
internal static class JobRows
{
    public const string InsertedColumns =
        "id, username, job_type, algo_name, algo_version, queue, priority, tag, tags, status, submitted_ms, started_ms, " +
        "ended_ms, hysds_job_id, context, exit_code, traceback, products, metrics, time_limit_s";

    public const string Columns = InsertedColumns + ", pgid, pgid_start_ticks";

    /// <summary>Reads the row a <see cref="Columns"/> select is on.</summary>
    public static JobRecord Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        UserName = r.GetString(1),
        JobType = r.GetString(2),
        AlgorithmName = r.GetString(3),
        AlgorithmVersion = r.GetString(4),
        Queue = r.GetString(5),
        Priority = r.GetInt32(6),
        Tag = r.GetString(7),
        Tags = JsonSerializer.Deserialize(r.GetString(8), EmulatorJsonContext.Default.IReadOnlyListString) ?? [],
        Status = r.GetString(9),
        SubmittedMs = r.GetInt64(10),
        StartedMs = r.IsDBNull(11) ? null : r.GetInt64(11),
        EndedMs = r.IsDBNull(12) ? null : r.GetInt64(12),
        HysdsJobId = r.GetString(13),
        ContextJson = r.GetString(14),
        ExitCode = r.IsDBNull(15) ? null : r.GetInt32(15),
        Traceback = r.IsDBNull(16) ? null : r.GetString(16),
        ProductsJson = r.IsDBNull(17) ? null : r.GetString(17),
        MetricsJson = r.IsDBNull(18) ? null : r.GetString(18),
        TimeLimitSeconds = r.IsDBNull(19) ? null : r.GetInt64(19),
        ProcessGroupId = r.IsDBNull(20) ? null : r.GetInt32(20),
        ProcessStartTicks = r.IsDBNull(21) ? null : r.GetInt64(21),
    };
}
