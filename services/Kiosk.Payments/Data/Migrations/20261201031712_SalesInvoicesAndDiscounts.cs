using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiosk.Payments.Data.Migrations
{
    /// <inheritdoc />
    public partial class SalesInvoicesAndDiscounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "AmountDue",
                table: "payments",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "Diners",
                table: "payments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "Discount",
                table: "payments",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "DiscountKind",
                table: "payments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InvoiceNumber",
                table: "payments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<decimal>(
                name: "Vat",
                table: "payments",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "VatExemptSales",
                table: "payments",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "VatableSales",
                table: "payments",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "ZeroRatedSales",
                table: "payments",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "CloseReason",
                table: "payable_orders",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "payable_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedStatus",
                table: "payable_orders",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "payable_orders",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "payment_discount_holders",
                columns: table => new
                {
                    Position = table.Column<int>(type: "integer", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_discount_holders", x => new { x.PaymentId, x.Position });
                    table.ForeignKey(
                        name: "FK_payment_discount_holders_payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "payments",
                        principalColumn: "PaymentId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sales_invoice_counters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<long>(type: "bigint", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sales_invoice_counters", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "sales_invoice_counters",
                columns: new[] { "Id", "LastNumber" },
                values: new object[] { 1, 0L });

            // Payments taken before invoices: full price, no discount, numbered in the order they were taken.
            migrationBuilder.Sql("""
                UPDATE payments SET "AmountDue" = "Total", "Diners" = 1,
                    "VatableSales" = round("Total" / 1.12, 2), "Vat" = "Total" - round("Total" / 1.12, 2);
                UPDATE payments SET "InvoiceNumber" = numbered.number
                    FROM (SELECT "PaymentId", row_number() OVER (ORDER BY "PaidAt", "PaymentId") AS number FROM payments) AS numbered
                    WHERE payments."PaymentId" = numbered."PaymentId";
                UPDATE sales_invoice_counters SET "LastNumber" = (SELECT count(*) FROM payments) WHERE "Id" = 1;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_payments_PaidAt",
                table: "payments",
                column: "PaidAt");

            migrationBuilder.CreateIndex(
                name: "ux_payments_invoice_number",
                table: "payments",
                column: "InvoiceNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payment_discount_holders");

            migrationBuilder.DropTable(
                name: "sales_invoice_counters");

            migrationBuilder.DropIndex(
                name: "IX_payments_PaidAt",
                table: "payments");

            migrationBuilder.DropIndex(
                name: "ux_payments_invoice_number",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "AmountDue",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "Diners",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "Discount",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "DiscountKind",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "InvoiceNumber",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "Vat",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "VatExemptSales",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "VatableSales",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "ZeroRatedSales",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "CloseReason",
                table: "payable_orders");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "payable_orders");

            migrationBuilder.DropColumn(
                name: "ClosedStatus",
                table: "payable_orders");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "payable_orders");
        }
    }
}
