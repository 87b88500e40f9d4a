using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiosk.Orders.Data.Migrations
{
    /// <summary>
    /// Every committed insert or update of an order raises a PostgreSQL notification carrying its id
    /// (<see cref="Kiosk.Orders.Apis.OrderChanges"/>), so a GET that prefers to wait answers the moment the order changes,
    /// in whichever replica serves it. A notification raised in a transaction is delivered only when it commits.
    /// </summary>
    public partial class OrderChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION notify_order_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('{Kiosk.Orders.Apis.OrderChanges.Channel}', NEW."Id"::text);
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER orders_notify_changed AFTER INSERT OR UPDATE ON orders
                    FOR EACH ROW EXECUTE FUNCTION notify_order_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER orders_notify_changed ON orders;
                DROP FUNCTION notify_order_changed();
                """);
        }
    }
}
