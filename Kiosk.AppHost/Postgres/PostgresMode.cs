namespace Kiosk.AppHost.Postgres;

/// <summary>Where the AppHost gets PostgreSQL from (configuration <c>Kiosk:Postgres:Mode</c>).</summary>
public enum PostgresMode
{
    /// <summary>A container when a container runtime answers, otherwise the locally installed server.</summary>
    Auto,

    /// <summary>The official PostgreSQL container image.</summary>
    Container,

    /// <summary>The PostgreSQL binaries installed on this machine, run as executables.</summary>
    Local,

    /// <summary>An existing server given by <c>ConnectionStrings:postgres</c>.</summary>
    External,
}
