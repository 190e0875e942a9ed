using Microsoft.Data.Sqlite;

namespace Maap.Dps.Emulator.Store;

/// <summary>The emulator database's tables and indexes, created on first open and brought up to date on every open.</summary>
internal static class StoreSchema
{
    /// <summary>Columns added to <c>jobs</c> after the first release; a database from then gets them on open.</summary>
    private static readonly (string Name, string Type)[] AddedJobColumns =
    [
        ("pgid", "INTEGER"),
        ("pgid_start_ticks", "INTEGER"),
    ];

    /// <summary>Sets the connection's journal mode and creates or migrates every table; safe on every open.</summary>
    public static void Apply(SqliteConnection writer)
    {
        Execute(writer, """
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
            CREATE TABLE IF NOT EXISTS members (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                username TEXT NOT NULL UNIQUE);
            CREATE TABLE IF NOT EXISTS ogc_processes (
                process_id INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL,
                version TEXT NOT NULL,
                deployer TEXT NOT NULL,
                status TEXT NOT NULL,
                cwl TEXT NOT NULL,
                cwl_link TEXT,
                last_modified TEXT);
            CREATE UNIQUE INDEX IF NOT EXISTS ux_ogc_processes_deployed ON ogc_processes (deployer, id, version) WHERE status = 'deployed';
            CREATE TABLE IF NOT EXISTS ogc_deployments (
                job_id INTEGER PRIMARY KEY AUTOINCREMENT,
                created TEXT NOT NULL,
                status TEXT NOT NULL,
                deployer TEXT NOT NULL,
                id TEXT NOT NULL,
                version TEXT NOT NULL,
                cwl TEXT NOT NULL,
                cwl_href TEXT,
                replaces INTEGER,
                process_id INTEGER,
                reported INTEGER NOT NULL DEFAULT 0,
                reason TEXT);
            CREATE INDEX IF NOT EXISTS ix_ogc_deployments_deployer ON ogc_deployments (deployer, job_id DESC);
            """);
        MigrateJobs(writer);
    }

    /// <summary>
    /// Creates a new database file <c>0600</c>: it holds the encrypted secrets and every job's inputs. SQLite creates
    /// its <c>-wal</c> and <c>-shm</c> files with the database file's mode. An existing file is left as it is.
    /// </summary>
    public static void CreatePrivateDatabaseFile(string databasePath)
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
    private static void MigrateJobs(SqliteConnection writer)
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var cmd = writer.CreateCommand())
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
                Execute(writer, $"ALTER TABLE jobs ADD COLUMN {name} {type}");
            }
        }
    }

    private static void Execute(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
