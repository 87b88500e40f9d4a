using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiosk.Cart.Data.Migrations
{
    /// <inheritdoc />
    public partial class CartExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastChangedAt",
                table: "Carts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // A cart from before this column was last changed no earlier than it was created: start its idle time there.
            migrationBuilder.Sql("""UPDATE "Carts" SET "LastChangedAt" = "CreatedAt";""");

            migrationBuilder.CreateIndex(
                name: "IX_Carts_Status_CheckedOutAt",
                table: "Carts",
                columns: new[] { "Status", "CheckedOutAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Carts_Status_LastChangedAt",
                table: "Carts",
                columns: new[] { "Status", "LastChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Carts_Status_CheckedOutAt",
                table: "Carts");

            migrationBuilder.DropIndex(
                name: "IX_Carts_Status_LastChangedAt",
                table: "Carts");

            migrationBuilder.DropColumn(
                name: "LastChangedAt",
                table: "Carts");
        }
    }
}
