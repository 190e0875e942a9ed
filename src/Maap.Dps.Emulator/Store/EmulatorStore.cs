using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Maap.Dps.Emulator.Store;

/// <summary>
/// The emulator's SQLite database: jobs, algorithms and (encrypted) secrets. Writes go through one connection under a
/// lock, so concurrent submissions never see SQLITE_BUSY; reads use pooled connections and run alongside writes (WAL).
/// </summary>
internal sealed partial class EmulatorStore : IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly Lock _writeLock = new();

    public EmulatorStore(string databasePath)
    {
        StoreSchema.CreatePrivateDatabaseFile(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        StoreSchema.Apply(_writer);
    }

    public void Dispose() => _writer.Dispose();

    // ---------------------------------------------------------------- algorithms

    public void SaveAlgorithm(string name, string version, string owner, string recordJson) =>
        Write("INSERT OR REPLACE INTO algorithms (name, version, owner, record) VALUES ($n, $v, $o, $r)",
            ("$n", name), ("$v", version), ("$o", owner), ("$r", recordJson));

    public bool DeleteAlgorithm(string name, string version) =>
        Write("DELETE FROM algorithms WHERE name = $n AND version = $v", ("$n", name), ("$v", version)) > 0;

    public List<string> LoadAlgorithmRecords() => ReadStrings("SELECT record FROM algorithms");

    // ---------------------------------------------------------------- secrets

    /// <summary>Adds a secret; false when the user already has one by that name.</summary>
    public bool AddSecret(string user, string name, string protectedValue, long createdMs) =>
        Write("INSERT OR IGNORE INTO secrets (username, name, protected_value, created_ms) VALUES ($u, $n, $v, $t)",
            ("$u", user), ("$n", name), ("$v", protectedValue), ("$t", createdMs)) > 0;

    public List<string> ListSecretNames(string user) =>
        ReadStrings("SELECT name FROM secrets WHERE username = $u ORDER BY name", ("$u", user));

    public string? GetProtectedSecret(string user, string name)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT protected_value FROM secrets WHERE username = $u AND name = $n";
        cmd.Parameters.AddWithValue("$u", user);
        cmd.Parameters.AddWithValue("$n", name);
        return cmd.ExecuteScalar() as string;
    }

    public bool DeleteSecret(string user, string name) =>
        Write("DELETE FROM secrets WHERE username = $u AND name = $n", ("$u", user), ("$n", name)) > 0;

    // ---------------------------------------------------------------- jobs

    public void InsertJob(JobRecord job)
    {
        lock (_writeLock)
        {
            using var tx = _writer.BeginTransaction();
            using (var cmd = _writer.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = $"INSERT INTO jobs ({JobRows.InsertedColumns}) VALUES ($id, $u, $jt, $an, $av, $q, $p, $tag, $tags, $s, $sub, NULL, NULL, $hid, $ctx, NULL, NULL, NULL, NULL, $tl)";
                cmd.Parameters.AddWithValue("$id", job.Id);
                cmd.Parameters.AddWithValue("$u", job.UserName);
                cmd.Parameters.AddWithValue("$jt", job.JobType);
                cmd.Parameters.AddWithValue("$an", job.AlgorithmName);
                cmd.Parameters.AddWithValue("$av", job.AlgorithmVersion);
                cmd.Parameters.AddWithValue("$q", job.Queue);
                cmd.Parameters.AddWithValue("$p", job.Priority);
                cmd.Parameters.AddWithValue("$tag", job.Tag);
                cmd.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(job.Tags, EmulatorJsonContext.Default.IReadOnlyListString));
                cmd.Parameters.AddWithValue("$s", job.Status);
                cmd.Parameters.AddWithValue("$sub", job.SubmittedMs);
                cmd.Parameters.AddWithValue("$hid", job.HysdsJobId);
                cmd.Parameters.AddWithValue("$ctx", job.ContextJson);
                cmd.Parameters.AddWithValue("$tl", (object?)job.TimeLimitSeconds ?? DBNull.Value);
                cmd.ExecuteNonQuery();
            }

            foreach (var tag in job.Tags.Distinct(StringComparer.Ordinal))
            {
                using var cmd = _writer.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO job_tags (job_id, username, tag, submitted_ms) VALUES ($id, $u, $t, $sub)";
                cmd.Parameters.AddWithValue("$id", job.Id);
                cmd.Parameters.AddWithValue("$u", job.UserName);
                cmd.Parameters.AddWithValue("$t", tag);
                cmd.Parameters.AddWithValue("$sub", job.SubmittedMs);
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    /// <summary>Moves a queued job to started; false when it is no longer queued (purged by a cancel).</summary>
    public bool TryMarkStarted(string id, long startedMs) =>
        Write("UPDATE jobs SET status = $s, started_ms = $t WHERE id = $id AND status = $q",
            ("$s", JobState.Started), ("$t", startedMs), ("$id", id), ("$q", JobState.Queued)) > 0;

    /// <summary>
    /// Records the process group a started job runs in, with its leader's start time (field 22 of
    /// <c>/proc/{pid}/stat</c>), so a later start can end the group if this emulator dies without doing so.
    /// </summary>
    public void RecordProcessGroup(string id, int processGroupId, long startTicks) =>
        Write("UPDATE jobs SET pgid = $g, pgid_start_ticks = $t WHERE id = $id", ("$g", processGroupId), ("$t", startTicks), ("$id", id));

    /// <summary>Deletes a queued job of this user (a purge); false when it is not queued any more.</summary>
    public bool TryPurgeQueued(string id, string user)
    {
        lock (_writeLock)
        {
            using var tx = _writer.BeginTransaction();
            using var cmd = _writer.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM jobs WHERE id = $id AND username = $u AND status = $q";
            cmd.Parameters.AddWithValue("$id", id);
            cmd.Parameters.AddWithValue("$u", user);
            cmd.Parameters.AddWithValue("$q", JobState.Queued);
            var purged = cmd.ExecuteNonQuery() > 0;
            if (purged)
            {
                using var tags = _writer.CreateCommand();
                tags.Transaction = tx;
                tags.CommandText = "DELETE FROM job_tags WHERE job_id = $id";
                tags.Parameters.AddWithValue("$id", id);
                tags.ExecuteNonQuery();
            }

            tx.Commit();
            return purged;
        }
    }

    /// <summary>
    /// Records a job's end; false (and nothing written) when the job is no longer queued or started, because its end
    /// was recorded already (by recovery, a stop, or another writer) or it was purged. A recorded end is final.
    /// </summary>
    public bool FinishJob(string id, string status, long endedMs, int? exitCode, string? traceback, string productsJson, string metricsJson) =>
        Write("UPDATE jobs SET status = $s, ended_ms = $e, exit_code = $x, traceback = $tb, products = $p, metrics = $m " +
              "WHERE id = $id AND status IN ($queued, $started)",
            ("$queued", JobState.Queued), ("$started", JobState.Started), ("$s", status), ("$e", endedMs), ("$x", exitCode),
            ("$tb", traceback), ("$p", productsJson), ("$m", metricsJson), ("$id", id)) > 0;

    public JobRecord? GetJob(string id)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT {JobRows.Columns} FROM jobs WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? JobRows.Read(reader) : null;
    }

    /// <summary>Ids of jobs in one state, oldest submission first.</summary>
    public List<JobRecord> JobsInState(string state)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT {JobRows.Columns} FROM jobs WHERE status = $s ORDER BY submitted_ms, rowid";
        cmd.Parameters.AddWithValue("$s", state);
        return ReadJobs(cmd);
    }

    public List<JobRecord> ListJobs(JobListFilter filter)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        JobListQuery.Prepare(cmd, filter);
        return ReadJobs(cmd);
    }

    private static List<JobRecord> ReadJobs(SqliteCommand cmd)
    {
        using var reader = cmd.ExecuteReader();
        var jobs = new List<JobRecord>();
        while (reader.Read())
        {
            jobs.Add(JobRows.Read(reader));
        }

        return jobs;
    }

    /// <summary>Runs one statement on the writer connection, under the write lock; the number of rows it changed.</summary>
    private int Write(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_writeLock)
        {
            using var cmd = _writer.CreateCommand();
            cmd.CommandText = sql;
            Bind(cmd, parameters);
            return cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The first column of every row a query returns, read on a pooled reader connection.</summary>
    private List<string> ReadStrings(string sql, params (string Name, object? Value)[] parameters)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        Bind(cmd, parameters);
        using var reader = cmd.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static void Bind(SqliteCommand cmd, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private SqliteConnection OpenReader()
    {
        var conn = new SqliteConnection(_connectionString);
        conn.Open();
        return conn;
    }
}
