using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiosk.Payments.Data.Migrations
{
    /// <inheritdoc />
    public partial class ZReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "z_readings",
                columns: table => new
                {
                    BusinessDay = table.Column<DateOnly>(type: "date", nullable: false),
                    ZNumber = table.Column<long>(type: "bigint", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GrossSales = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    VatableSales = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    Vat = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    VatExemptSales = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    ZeroRatedSales = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    SeniorDiscounts = table.Column<int>(type: "integer", nullable: false),
                    SeniorDiscountAmount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    PwdDiscounts = table.Column<int>(type: "integer", nullable: false),
                    PwdDiscountAmount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    TotalDiscount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    NetSales = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    Transactions = table.Column<int>(type: "integer", nullable: false),
                    CancelledOrders = table.Column<int>(type: "integer", nullable: false),
                    ExpiredOrders = table.Column<int>(type: "integer", nullable: false),
                    FirstInvoiceNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    LastInvoiceNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CashExpected = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    GrandTotalBefore = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    GrandTotalAfter = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    SalesPerHour = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_z_readings", x => x.BusinessDay);
                });

            migrationBuilder.CreateIndex(
                name: "ux_z_readings_z_number",
                table: "z_readings",
                column: "ZNumber",
                unique: true);

            // A Z reading is a fiscal record: once written it is never changed or removed.
            migrationBuilder.Sql("""
                CREATE FUNCTION z_readings_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'Z reading of % cannot be changed or deleted', OLD."BusinessDay";
                END $$;
                CREATE TRIGGER z_readings_immutable BEFORE UPDATE OR DELETE ON z_readings
                    FOR EACH ROW EXECUTE FUNCTION z_readings_are_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "z_readings");

            migrationBuilder.Sql("DROP FUNCTION z_readings_are_immutable();");
        }
    }
}
