using Microsoft.EntityFrameworkCore.Migrations;

namespace Kiosk.Audit;

/// <summary>
/// Makes <c>audit_entries</c> append-only in the database itself: a trigger refuses every UPDATE, DELETE and TRUNCATE,
/// whoever sends it (a bug, a hand-typed statement, the app's own login). Only the table's owner can drop the trigger,
/// and doing so is a schema change that shows.
/// </summary>
public static class AuditMigrations
{
    public static void CreateAppendOnlyGuard(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{AuditModelExtensions.Table} is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON {AuditModelExtensions.Table}
                FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
            CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON {AuditModelExtensions.Table}
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();
            """);
    }

    public static void DropAppendOnlyGuard(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            DROP TRIGGER IF EXISTS audit_entries_no_truncate ON {AuditModelExtensions.Table};
            DROP TRIGGER IF EXISTS audit_entries_append_only ON {AuditModelExtensions.Table};
            DROP FUNCTION IF EXISTS audit_entries_refuse_change();
            """);
    }
}
