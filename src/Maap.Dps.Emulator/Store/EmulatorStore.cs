using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Maap.Dps.Emulator.Store;

/// <summary>
/// The emulator's SQLite database: jobs, algorithms and (encrypted) secrets. Writes go through one connection under a
/// lock, so concurrent submissions never see SQLITE_BUSY; reads use pooled connections and run alongside writes (WAL).
/// </summary>
internal sealed class EmulatorStore : IDisposable
{
    private const string InsertedJobColumns =
        "id, username, job_type, algo_name, algo_version, queue, priority, tag, tags, status, submitted_ms, started_ms, " +
        "ended_ms, hysds_job_id, context, exit_code, traceback, products, metrics, time_limit_s";

    private const string JobColumns = InsertedJobColumns + ", pgid, pgid_start_ticks";

    /// <summary>Columns added to <c>jobs</c> after the first release; a database from then gets them on open.</summary>
    private static readonly (string Name, string Type)[] AddedJobColumns =
    [
        ("pgid", "INTEGER"),
        ("pgid_start_ticks", "INTEGER"),
    ];

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly Lock _writeLock = new();

    public EmulatorStore(string databasePath)
    {
        CreatePrivateDatabaseFile(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 10000;
            CREATE TABLE IF NOT EXISTS jobs (
                id TEXT NOT NULL PRIMARY KEY,
                username TEXT NOT NULL,
                job_type TEXT NOT NULL,
                algo_name TEXT NOT NULL,
                algo_version TEXT NOT NULL,
                queue TEXT NOT NULL,
                priority INTEGER NOT NULL,
                tag TEXT NOT NULL,
                tags TEXT NOT NULL,
                status TEXT NOT NULL,
                submitted_ms INTEGER NOT NULL,
                started_ms INTEGER,
                ended_ms INTEGER,
                hysds_job_id TEXT NOT NULL,
                context TEXT NOT NULL,
                exit_code INTEGER,
                traceback TEXT,
                products TEXT,
                metrics TEXT,
                time_limit_s INTEGER);
            CREATE INDEX IF NOT EXISTS ix_jobs_user_time ON jobs (username, submitted_ms DESC);
            CREATE INDEX IF NOT EXISTS ix_jobs_user_type_time ON jobs (username, job_type, submitted_ms DESC);
            CREATE INDEX IF NOT EXISTS ix_jobs_user_status_time ON jobs (username, status, submitted_ms DESC);
            CREATE INDEX IF NOT EXISTS ix_jobs_status ON jobs (status, submitted_ms);
            CREATE TABLE IF NOT EXISTS job_tags (
                job_id TEXT NOT NULL,
                username TEXT NOT NULL,
                tag TEXT NOT NULL,
                submitted_ms INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_job_tags ON job_tags (username, tag, submitted_ms DESC);
            CREATE INDEX IF NOT EXISTS ix_job_tags_job ON job_tags (job_id);
            CREATE TABLE IF NOT EXISTS algorithms (
                name TEXT NOT NULL,
                version TEXT NOT NULL,
                owner TEXT NOT NULL,
                record TEXT NOT NULL,
                PRIMARY KEY (name, version));
            CREATE TABLE IF NOT EXISTS secrets (
                username TEXT NOT NULL,
                name TEXT NOT NULL,
                protected_value TEXT NOT NULL,
                created_ms INTEGER NOT NULL,
                PRIMARY KEY (username, name));
            """);
        MigrateJobs();
    }

    /// <summary>
    /// Creates a new database file <c>0600</c>: it holds the encrypted secrets and every job's inputs. SQLite creates
    /// its <c>-wal</c> and <c>-shm</c> files with the database file's mode. An existing file is left as it is.
    /// </summary>
    private static void CreatePrivateDatabaseFile(string databasePath)
    {
        if (OperatingSystem.IsWindows() || File.Exists(databasePath))
        {
            return;
        }

        try
        {
            // An empty file is a new, empty database to SQLite.
            new FileStream(databasePath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }).Dispose();
        }
        catch (IOException) when (File.Exists(databasePath))
        {
        }
    }

    /// <summary>Adds the columns a database created by an earlier emulator lacks.</summary>
    private void MigrateJobs()
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var cmd = _writer.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM pragma_table_info('jobs')";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }

        foreach (var (name, type) in AddedJobColumns)
        {
            if (!existing.Contains(name))
            {
                Execute(_writer, $"ALTER TABLE jobs ADD COLUMN {name} {type}");
            }
        }
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
                cmd.CommandText = $"INSERT INTO jobs ({InsertedJobColumns}) VALUES ($id, $u, $jt, $an, $av, $q, $p, $tag, $tags, $s, $sub, NULL, NULL, $hid, $ctx, NULL, NULL, NULL, NULL, $tl)";
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
        cmd.CommandText = $"SELECT {JobColumns} FROM jobs WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadJob(reader) : null;
    }

    /// <summary>Ids of jobs in one state, oldest submission first.</summary>
    public List<JobRecord> JobsInState(string state)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT {JobColumns} FROM jobs WHERE status = $s ORDER BY submitted_ms, rowid";
        cmd.Parameters.AddWithValue("$s", state);
        using var reader = cmd.ExecuteReader();
        var jobs = new List<JobRecord>();
        while (reader.Read())
        {
            jobs.Add(ReadJob(reader));
        }

        return jobs;
    }

    public List<JobRecord> ListJobs(JobListFilter filter)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        var where = new List<string> { "j.username = $u" };
        cmd.Parameters.AddWithValue("$u", filter.UserName);
        var from = "jobs j";
        if (filter.Tag is not null)
        {
            // Drive the query from the tag index; a job appears once per distinct tag row, so no duplicates.
            from = "job_tags t JOIN jobs j ON j.id = t.job_id";
            where.Add("t.username = $u AND t.tag = $tag");
            cmd.Parameters.AddWithValue("$tag", filter.Tag);
        }

        if (filter.JobType is not null)
        {
            where.Add("j.job_type = $jt");
            cmd.Parameters.AddWithValue("$jt", filter.JobType);
        }

        if (filter.Queue is not null)
        {
            where.Add("j.queue = $q");
            cmd.Parameters.AddWithValue("$q", filter.Queue);
        }

        if (filter.Priority is { } priority)
        {
            where.Add("j.priority = $p");
            cmd.Parameters.AddWithValue("$p", priority);
        }

        if (filter.Status is not null)
        {
            where.Add("j.status = $s");
            cmd.Parameters.AddWithValue("$s", filter.Status);
        }

        if (filter.StartMs is { } start)
        {
            where.Add("j.submitted_ms >= $start");
            cmd.Parameters.AddWithValue("$start", start);
        }

        if (filter.EndMs is { } end)
        {
            where.Add("j.submitted_ms <= $end");
            cmd.Parameters.AddWithValue("$end", end);
        }

        var columns = string.Join(", ", JobColumns.Split(", ").Select(c => "j." + c));
        cmd.CommandText = $"SELECT {columns} FROM {from} WHERE {string.Join(" AND ", where)} " +
                          "ORDER BY j.submitted_ms DESC, j.rowid DESC LIMIT $limit OFFSET $offset";
        cmd.Parameters.AddWithValue("$limit", filter.Limit);
        cmd.Parameters.AddWithValue("$offset", filter.Offset);
        using var reader = cmd.ExecuteReader();
        var jobs = new List<JobRecord>();
        while (reader.Read())
        {
            jobs.Add(ReadJob(reader));
        }

        return jobs;
    }

    private static JobRecord ReadJob(SqliteDataReader r) => new()
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

    private static void Execute(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
